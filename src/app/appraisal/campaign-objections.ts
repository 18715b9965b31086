// GET /campaigns/{id}/objections — every objection of a campaign (issue 14 §1) for the DX office running it,
// its overseers and the members of its bodies: the unit, item, text, status and answer, whether the caller
// may answer each; and the upheld objections answered after the latest publication — the results changed,
// so the office must publish a correction (a new snapshot version with a reason naming them).
import { canAnswerObjection } from '../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import { loadGroupsOf, myMemberships } from '../../db/queries/appraisal-bodies.ts';
import { type AppraisalRow, findAppraisalRow } from '../../db/queries/appraisal-context.ts';
import { type IndexedDefinition, loadDefinition } from '../../db/queries/framework-definitions.ts';
import { type ObjectionView, latestPublicationAt, loadCampaignObjections } from '../../db/queries/item-objections.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { forbidden } from './appraisal-access.ts';
import { appraisalContextOf } from './appraisal-access.ts';
import { isCampaignAuthority, loadAppraisalCampaign, seesBodies } from './campaign-appraisal-access.ts';

export interface CampaignObjections {
  items: (ObjectionView & { mayAnswer: boolean })[];
  /** Upheld after the latest publication: a corrected publication is due. Empty before the first one. */
  correctionDue: string[];
  publishedAt: string | null;
}

export async function campaignObjections(db: Db, actor: ScopedActor, id: string): Promise<CampaignObjections> {
  const c = await loadAppraisalCampaign(db, { actor, campaignId: id });
  const memberships = (
    await myMemberships(
      db,
      actor.userId,
      (await loadGroupsOf(db, id)).map((g) => g.id),
    )
  ).size;
  if (
    !seesBodies({ actor, campaign: c, myMemberships: memberships, authority: await isCampaignAuthority(db, actor, id) })
  )
    throw forbidden('Danh sách kiến nghị dành cho cơ quan chuyên trách và Hội đồng thẩm định.');
  const items = await loadCampaignObjections(db, id);
  const rows = new Map<string, AppraisalRow | null>();
  const defs = new Map<string, IndexedDefinition | null>();
  const out: CampaignObjections['items'] = [];
  for (const o of items) {
    let mayAnswer = false;
    if (o.status === 'open') {
      if (!rows.has(o.assessmentId)) rows.set(o.assessmentId, await findAppraisalRow(db, actor, o.assessmentId));
      const row = rows.get(o.assessmentId);
      if (row) {
        if (!defs.has(row.group.frameworkId))
          defs.set(row.group.frameworkId, await loadDefinition(db, row.group.frameworkId));
        const node = defs.get(row.group.frameworkId)?.leaves.get(o.code);
        mayAnswer = !!node && canAnswerObjection(actor, appraisalContextOf(row), node);
      }
    }
    out.push({ ...o, mayAnswer });
  }
  const publishedAt = await latestPublicationAt(db, id);
  const correctionDue = publishedAt
    ? out
        .filter((o) => o.status === 'upheld' && o.answeredAt !== null && new Date(o.answeredAt) > publishedAt)
        .map((o) => o.id)
    : [];
  return { items: out, correctionDue, publishedAt: publishedAt?.toISOString() ?? null };
}
