// Where the official outputs read a campaign's results: the latest signed snapshot once the campaign is
// published (so the printed ranking is the published one, byte for byte in its figures), the live
// results engine before that (working drafts for the council and the office). Both end as the same
// SnapshotView shape. Also the council's reasons per item, which the scorecard prints (internal only).
import { REVIEW_REASON_LABELS } from '../../core/appraisal/types.ts';
import type { CampaignRules } from '../../core/campaign/types.ts';
import { SNAPSHOT_FORMAT } from '../../core/results/index.ts';
import type { Db } from '../../db/client.ts';
import { approvalsOfCampaign, campaignWithOwner, councilReasonRows } from '../../db/queries/publication-sources.ts';
import { computeCampaignResults } from './campaign-results.ts';
import { addProgressComparison } from './progress-comparison.ts';
import { latestPublished, snapshotView } from './public-snapshots.ts';
import { type SnapshotPayload, type SnapshotView, buildSnapshotView } from './snapshot-view.ts';

export async function exportSource(db: Db, campaignId: string): Promise<{ view: SnapshotView; published: boolean }> {
  const meta = await latestPublished(db, campaignId);
  if (meta) return { view: await snapshotView(db, meta), published: true };
  const c = await campaignWithOwner(db, campaignId);
  if (!c) throw new Error(`campaign ${campaignId} not found`);
  const rules = c.campaign.rules as CampaignRules;
  const results = await computeCampaignResults(db, { id: campaignId, kind: c.campaign.kind, rules });
  await addProgressComparison(db, { campaignId, groups: results.groups });
  const approvalRows = await approvalsOfCampaign(db, campaignId);
  const payload: SnapshotPayload = {
    format: SNAPSHOT_FORMAT,
    campaign: {
      id: campaignId,
      name: c.campaign.name,
      year: c.campaign.year,
      kind: c.campaign.kind,
      owner: { id: c.campaign.ownerUnitId, code: c.ownerCode, name: c.ownerName },
    },
    rules,
    groups: results.groups.map((g) => ({
      id: g.group.id,
      name: g.group.name,
      frameworkId: g.group.frameworkId,
      frameworkCode: g.group.frameworkCode,
      frameworkVersion: g.group.frameworkVersion,
      framework: g.def.definition,
      notApplicable: g.notApplicable,
      distribution: g.distribution,
    })),
    results: results.groups.flatMap((g) => g.units),
    approvals: approvalRows.map((a) => ({
      groupId: a.campaignGroupId,
      authorityUnitId: a.authorityUnitId,
      decisionNumber: a.decisionNumber,
      decisionDate: a.decisionDate,
      signer: a.signer,
      approvedAt: new Date(a.approvedAt).toISOString(),
    })),
    publishedAt: '',
    version: 0,
    reason: null,
  };
  return { view: buildSnapshotView('live', payload), published: false };
}

/** Item code → the council's reason label and comment (or the N/A reason) for one unit in one campaign. */
export async function councilReasons(db: Db, campaignId: string, unitId: string): Promise<Map<string, string>> {
  const rows = await councilReasonRows(db, campaignId, unitId);
  const labels = REVIEW_REASON_LABELS as Record<string, string>;
  const out = new Map<string, string>();
  for (const r of rows) {
    if (r.not_applicable)
      out.set(r.code, `Không áp dụng${r.not_applicable_reason ? `: ${r.not_applicable_reason}` : ''}`);
    else if (r.final_reason || r.final_comment) {
      // The reason and the council's own words (issue 14 §1): the unit reads why, not only a category.
      const reason = r.final_reason ? (labels[r.final_reason] ?? r.final_reason) : '';
      out.set(r.code, [reason, r.final_comment?.trim()].filter(Boolean).join(': '));
    }
  }
  return out;
}
