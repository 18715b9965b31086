// The guardrails of issue 13 §6 on the campaign's transitions, read from the database and judged by
// src/core/campaign/guardrails.ts: opening with a past self-assessment deadline (refused unless new
// deadlines come in the same step), closing self-assessment early (states how many units have not
// submitted; needs a reason), and a second ranked annual campaign of the same year for a unit (refused
// unless the DX office records why). Also what the campaign form shows before the person confirms.
import {
  type CampaignKind,
  type CampaignOverlap,
  type EarlyClose,
  earlyClose,
  earlyCloseMessage,
  isValidIsoDate,
  overlapMessage,
  overlapVerdict,
  pastDeadlineMessage,
  pastSelfAssessmentDeadlines,
} from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import { campaignOverlaps, groupSubmissions } from '../../db/queries/campaign-guards.ts';
import { OperationError } from '../errors.ts';

type CampaignRow = { id: string; kind: string; year: number; parentCampaignId: string | null };

export interface NewDeadline {
  groupId: string;
  selfAssessment: string;
}

/**
 * Opening: every group's deadline must be today or later — given anew in the same step when it has
 * passed (422 SELF_ASSESSMENT_DEADLINE_PASSED otherwise); a second ranked annual campaign of the same
 * year for a unit needs a reason (409 CAMPAIGN_OVERLAP). Returns the deadlines to write.
 */
export async function guardOpen(
  tx: Db,
  {
    campaign: c,
    today,
    input,
  }: {
    campaign: CampaignRow;
    today: string;
    input: { deadlines?: NewDeadline[] | undefined; reason?: string | undefined };
  },
): Promise<{ changed: (NewDeadline & { before: string })[]; overlaps: CampaignOverlap[] }> {
  const groups = await groupSubmissions(tx, c.id);
  const given = new Map((input.deadlines ?? []).map((d) => [d.groupId, d.selfAssessment]));
  for (const [groupId, date] of given) {
    const group = groups.find((g) => g.groupId === groupId);
    if (!group)
      throw new OperationError('VALIDATION_FAILED', 'Nhóm đơn vị không thuộc kỳ đánh giá.', {
        issues: [{ path: '/deadlines', message: `Không có nhóm ${groupId}` }],
      });
    if (!isValidIsoDate(date))
      throw new OperationError('VALIDATION_FAILED', `Ngày không hợp lệ: ${date}`, {
        issues: [{ path: '/deadlines', message: 'Ngày phải có dạng yyyy-mm-dd' }],
      });
  }
  const after = groups.map((g) => ({ ...g, selfAssessment: given.get(g.groupId) ?? g.selfAssessment }));
  const past = pastSelfAssessmentDeadlines(after, today);
  if (past.length > 0) {
    throw new OperationError('SELF_ASSESSMENT_DEADLINE_PASSED', pastDeadlineMessage(past, today), {
      today,
      groups: past.map((g) => ({ groupId: g.groupId, name: g.name, selfAssessment: g.selfAssessment })),
    });
  }
  const overlaps = await campaignOverlaps(tx, c);
  const { refuse } = overlapVerdict(c.kind as CampaignKind, c.year, overlaps);
  if (refuse.length > 0 && !input.reason?.trim()) {
    throw new OperationError('CAMPAIGN_OVERLAP', overlapMessage(refuse), { overlaps: refuse });
  }
  const changed = groups
    .filter((g) => given.has(g.groupId) && given.get(g.groupId) !== g.selfAssessment)
    .map((g) => ({ groupId: g.groupId, selfAssessment: given.get(g.groupId)!, before: g.selfAssessment }));
  return { changed, overlaps: refuse };
}

/** Closing early: 422 EARLY_CLOSE_REASON_REQUIRED stating how many units have not submitted. */
export async function guardClose(
  tx: Db,
  { campaignId, today, reason }: { campaignId: string; today: string; reason: string | undefined },
): Promise<EarlyClose> {
  const e = earlyClose(await groupSubmissions(tx, campaignId), today);
  if (e.early.length > 0 && !reason?.trim()) {
    throw new OperationError('EARLY_CLOSE_REASON_REQUIRED', earlyCloseMessage(e), {
      unsubmitted: e.unsubmitted,
      units: e.units,
      deadline: e.deadline,
      groups: e.early.map((g) => ({
        groupId: g.groupId,
        name: g.name,
        selfAssessment: g.selfAssessment,
        unsubmitted: g.units - g.submitted,
      })),
    });
  }
  return e;
}

export interface TransitionCheck {
  action: 'open' | 'close_self_assessment';
  today: string;
  /** Opening: groups whose deadline has passed (new deadlines are needed in the same step). */
  pastDeadlines: { groupId: string; name: string; selfAssessment: string }[];
  /** Closing: units not submitted, and the groups still before their deadline. */
  unsubmitted: number;
  units: number;
  earlyBefore: string | null;
  /** Opening: ranked annual campaigns of the same year on the same units (a reason is needed), and other overlaps (a warning). */
  overlaps: { refuse: CampaignOverlap[]; warn: CampaignOverlap[] };
  reasonRequired: boolean;
}

/** What the campaign page shows before the DX office confirms the transition. Nothing is written. */
export async function checkTransition(
  tx: Db,
  { campaign: c, action, today }: { campaign: CampaignRow; action: 'open' | 'close_self_assessment'; today: string },
): Promise<TransitionCheck> {
  const groups = await groupSubmissions(tx, c.id);
  const e = earlyClose(groups, today);
  const isOpen = action === 'open';
  const overlaps = isOpen
    ? overlapVerdict(c.kind as CampaignKind, c.year, await campaignOverlaps(tx, c))
    : { refuse: [], warn: [] };
  const past = isOpen
    ? pastSelfAssessmentDeadlines(groups, today).map((g) => ({
        groupId: g.groupId,
        name: g.name,
        selfAssessment: g.selfAssessment,
      }))
    : [];
  return {
    action,
    today,
    pastDeadlines: past,
    unsubmitted: isOpen ? 0 : e.unsubmitted,
    units: e.units,
    earlyBefore: isOpen ? null : e.deadline,
    overlaps,
    reasonRequired: isOpen ? overlaps.refuse.length > 0 : e.early.length > 0,
  };
}
