// Objections in the task inbox (issue 14 §1). The unit's reporter and leader: its objections waiting for an
// answer, those answered with their outcome (upheld / rejected), and — while the results are shown and the
// window is open — that it may still object, by the window's last day. The council (the body of the group)
// and the DX office: per campaign, the objections waiting for an answer (those the caller may answer among
// them) and, for whoever publishes, the upheld ones a corrected publication must carry. Read through the
// objection use cases themselves, so what the inbox counts is what the pages list.
import { type CampaignStatus, daysRemaining } from '../../core/campaign/index.ts';
import { canPublish, holdsRoleOver } from '../../core/policy/index.ts';
import type { InboxTask } from '../../contract/inbox.ts';
import type { Db } from '../../db/client.ts';
import type { MineRow } from '../../db/queries/assessments-mine.ts';
import { campaignsWithObjectionWork } from '../../db/queries/inbox.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { assessmentObjections } from '../appraisal/assessment-objections.ts';
import { loadAppraisalCampaign, ownerRefOf } from '../appraisal/campaign-appraisal-access.ts';
import { campaignObjections } from '../appraisal/campaign-objections.ts';
import { OperationError } from '../errors.ts';

/** Statuses whose results can be objected to (the window opens at approval or publication). */
export const OBJECTION_STATUSES = ['approved', 'published'];

export async function unitObjectionTasks(
  db: Db,
  {
    actor,
    row: r,
    base,
    now,
  }: {
    actor: ScopedActor;
    row: MineRow;
    base: Pick<InboxTask, 'action' | 'campaign' | 'unit' | 'group' | 'assessmentId'>;
    now: Date;
  },
): Promise<InboxTask[]> {
  const o = await assessmentObjections(db, { actor, assessmentId: r.id, now });
  const out: InboxTask[] = [];
  const count = (s: string) => o.items.filter((i) => i.status === s).length;
  const open = count('open');
  const upheld = count('upheld');
  const rejected = count('rejected');
  if (open > 0)
    out.push({ ...base, kind: 'objections_pending', counts: { open }, deadline: null, daysRemaining: null });
  if (upheld + rejected > 0)
    out.push({
      ...base,
      kind: 'objections_answered',
      counts: { upheld, rejected },
      deadline: null,
      daysRemaining: null,
    });
  if (o.refusal === null && o.window && o.fileable.length > 0)
    out.push({
      ...base,
      kind: 'objection_window',
      counts: { items: o.fileable.length },
      deadline: o.window.closes,
      daysRemaining: daysRemaining(now, o.window.closes),
    });
  return out;
}

export async function staffObjectionTasks(db: Db, actor: ScopedActor): Promise<InboxTask[]> {
  const out: InboxTask[] = [];
  for (const id of await campaignsWithObjectionWork(db)) {
    let list;
    let c;
    try {
      c = await loadAppraisalCampaign(db, { actor, campaignId: id });
      list = await campaignObjections(db, actor, id);
    } catch (e) {
      // Not the caller's campaign (404) or not theirs to see (403): nothing in their inbox.
      if (e instanceof OperationError && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) continue;
      throw e;
    }
    const open = list.items.filter((i) => i.status === 'open');
    const mayAnswer = open.filter((i) => i.mayAnswer).length;
    // The DX office running the campaign follows every objection and publishes the correction.
    const owner = ownerRefOf(c);
    const publishes = holdsRoleOver(actor, ['dx_office'], owner);
    const correctionDue = canPublish(actor, owner.id, c.campaign.status as CampaignStatus)
      ? list.correctionDue.length
      : 0;
    // A member assigned none of the open ones, an overseer who does not publish: nothing to do here.
    if (mayAnswer === 0 && !(publishes && open.length + correctionDue > 0)) continue;
    out.push({
      kind: 'campaign_objections',
      action: null,
      campaign: { id, name: c.campaign.name, year: c.campaign.year, status: c.campaign.status },
      unit: null,
      group: null,
      assessmentId: null,
      counts: {
        open: open.length,
        mayAnswer,
        units: new Set(open.map((i) => i.unit.id)).size,
        correctionDue,
      },
      deadline: null,
      daysRemaining: null,
    });
  }
  return out;
}
