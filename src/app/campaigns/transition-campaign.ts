// POST /campaigns/{id}/transitions: the campaign's life moves only by the status machine's actions
// (an impossible one → 409 INVALID_STATE). Opening needs every group on a published version and
// creates one empty assessment per participating unit in one set-based INSERT … SELECT (4,000 units
// in one statement); a progress round is then pre-filled from each unit's latest figures. The guardrails
// of issue 13 §6 (transition-guards.ts) run first: a past self-assessment deadline, an early close, a
// second ranked annual campaign of the same year for a unit.
import {
  CAMPAIGN_ACTIONS,
  type CampaignAction,
  type CampaignStatus,
  availableActions,
  nextCampaignStatus,
  vietnamDateOf,
} from '../../core/campaign/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { setGroupSelfAssessmentDeadline } from '../../db/queries/campaign-groups.ts';
import { createCampaignAssessments, setCampaignStatus } from '../../db/queries/campaign-writes.ts';
import { type CampaignRow, loadCampaignGroups } from '../../db/queries/campaigns.ts';
import { prefillFromSources } from '../../db/queries/progress-source.ts';
import { OperationError } from '../errors.ts';
import { type CampaignWho, loadCampaignForChange } from './campaign-access.ts';
import { type NewDeadline, guardClose, guardOpen } from './transition-guards.ts';

export interface TransitionInput {
  action: CampaignAction;
  reason?: string | undefined;
  /** Opening: new self-assessment deadlines, in the same step, for groups whose deadline has passed. */
  deadlines?: NewDeadline[] | undefined;
}

export async function transitionCampaign(
  db: Db,
  { who, id, input, now }: { who: CampaignWho; id: string; input: TransitionInput; now: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    const { campaign } = await loadCampaignForChange(tx, { who, id, ability: 'transition' });
    const from = campaign.status as CampaignStatus;
    // Approval and publication carry a decision and a signed snapshot: only their own routes do them.
    if (input.action === 'approve' || input.action === 'publish') {
      const route =
        input.action === 'approve' ? 'POST /api/v1/campaigns/{id}/approve' : 'POST /api/v1/campaigns/{id}/publish';
      throw new OperationError(
        'INVALID_STATE',
        `"${CAMPAIGN_ACTIONS[input.action].label}" được thực hiện qua ${route} (ghi nhận quyết định, ký số kết quả).`,
        { status: from, action: input.action, use: route },
      );
    }
    const to = nextCampaignStatus(from, input.action);
    if (!to) {
      throw new OperationError(
        'INVALID_STATE',
        `Không thể "${CAMPAIGN_ACTIONS[input.action].label.toLowerCase()}" khi kỳ đánh giá đang ở trạng thái hiện tại.`,
        {
          status: from,
          action: input.action,
          availableActions: availableActions(from),
        },
      );
    }
    if (input.action === 'reopen_self_assessment' && !input.reason?.trim()) {
      throw new OperationError('VALIDATION_FAILED', 'Cần nêu lý do mở lại tự đánh giá.', {
        issues: [{ path: '/reason', message: 'Cần nêu lý do' }],
      });
    }
    const today = vietnamDateOf(now);
    let guarded: Record<string, unknown> = {};
    if (input.action === 'open') {
      const { changed, overlaps } = await guardOpen(tx, { campaign, today, input });
      for (const d of changed) await setGroupSelfAssessmentDeadline(tx, d.groupId, d.selfAssessment);
      guarded = {
        ...(changed.length > 0 ? { deadlines: changed } : {}),
        ...(overlaps.length > 0 ? { overlaps, overlapReason: input.reason?.trim() } : {}),
      };
    }
    if (input.action === 'close_self_assessment') {
      const e = await guardClose(tx, { campaignId: id, today, reason: input.reason });
      guarded = {
        unsubmitted: e.unsubmitted,
        units: e.units,
        ...(e.early.length > 0 ? { earlyBefore: e.deadline } : {}),
      };
    }
    let opened: { assessments: number; prefilledItems?: number } | undefined;
    if (input.action === 'open') opened = await openAssessments(tx, campaign);
    await setCampaignStatus(tx, id, to, now);
    await writeAudit(tx, who.audit, {
      action: `campaign.${input.action}`,
      objectType: 'campaign',
      objectId: id,
      unitId: campaign.ownerUnitId,
      before: { status: from },
      after: { status: to, ...opened, ...guarded },
      reason: input.reason?.trim() || null,
    });
  });
}

async function openAssessments(
  tx: Db,
  campaign: CampaignRow,
): Promise<{ assessments: number; prefilledItems?: number }> {
  const groups = (await loadCampaignGroups(tx, [campaign.id])).get(campaign.id) ?? [];
  if (groups.length === 0) throw new OperationError('INVALID_STATE', 'Kỳ đánh giá chưa có nhóm đơn vị nào.');
  const drafts = groups.filter((g) => g.frameworkStatus !== 'published');
  if (drafts.length > 0) {
    throw new OperationError(
      'INVALID_STATE',
      `Bộ chỉ số của nhóm ${drafts.map((g) => `"${g.name}"`).join(', ')} chưa ban hành.`,
      { groups: drafts.map((g) => ({ id: g.id, frameworkId: g.frameworkId, status: g.frameworkStatus })) },
    );
  }
  if (groups.every((g) => g.unitCount === 0))
    throw new OperationError('INVALID_STATE', 'Kỳ đánh giá chưa có đơn vị tham gia.');
  const result: { assessments: number; prefilledItems?: number } = {
    assessments: await createCampaignAssessments(tx, campaign.id),
  };
  if (campaign.kind === 'progress' && campaign.parentCampaignId) {
    result.prefilledItems = (
      await prefillFromSources(tx, campaign.id, campaign.parentCampaignId, campaign.progressMonths ?? 12)
    ).items;
  }
  return result;
}
