// The support team's and the council's tasks (issue 14 §1): per group of their appraisal queue, what is
// theirs to propose or decide, the requests units have answered and the items units supplemented since
// they last looked; and for the chair (the DX office for a parent-unit group) "close the appraisal" once
// every item of the group is decided. Read through the queue itself, so the counts are the queue's.
import { daysRemaining } from '../../core/campaign/index.ts';
import { holdsRoleOver } from '../../core/policy/index.ts';
import type { InboxTask } from '../../contract/inbox.ts';
import type { Db } from '../../db/client.ts';
import { findWorkGroups } from '../../db/queries/appraisal-queue.ts';
import { answeredRequestKeys, groupDeadlines, unitPaths } from '../../db/queries/inbox.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { loadQueue } from '../appraisal/load-queue.ts';

export async function appraisalTasks(db: Db, actor: ScopedActor, now: Date): Promise<InboxTask[]> {
  const groups = await findWorkGroups(db, actor, {});
  if (groups.length === 0) return [];
  const queue = await loadQueue(db, actor, { mode: 'unit', pageSize: Number.MAX_SAFE_INTEGER });
  const groupIds = groups.map((g) => g.id);
  const answered = await answeredRequestKeys(db, groupIds);
  const deadlines = await groupDeadlines(db, groupIds);
  const owners = await unitPaths(
    db,
    groups.filter((g) => g.bodyKind === 'parent_unit').map((g) => g.ownerUnitId),
  );
  const out: InboxTask[] = [];
  for (const g of groups) {
    const items = queue.items.filter((i) => i.groupId === g.id);
    const counts = {
      toPropose: items.filter((i) => i.abilities.propose && i.status === 'pending').length,
      toDecide: items.filter((i) => i.abilities.appraise && (i.status === 'pending' || i.status === 'proposed')).length,
      // An answered request waits for the council until the item is decided.
      answered: items.filter((i) => i.status !== 'final' && answered.has(`${i.assessmentId} ${i.code}`)).length,
      supplemented: items.filter((i) => i.flags.some((f) => f.kind === 'supplemented_since_last_look')).length,
      units: new Set(items.map((i) => i.assessmentId)).size,
    };
    const d = deadlines.get(g.id);
    // The support team works to the pre-review deadline, the council to the appraisal deadline.
    const deadline = (g.membership?.position === 'support' ? d?.preReview : null) ?? d?.appraisal ?? null;
    const common = {
      action: null,
      campaign: { id: g.campaignId, name: g.campaignName, year: g.campaignYear, status: g.campaignStatus },
      unit: null,
      group: { id: g.id, name: g.name },
      assessmentId: null,
      deadline,
      daysRemaining: deadline ? daysRemaining(now, deadline) : null,
    };
    if (counts.toPropose + counts.toDecide + counts.answered + counts.supplemented > 0)
      out.push({ ...common, kind: 'appraise_queue', counts });
    const closer =
      g.membership?.position === 'chair' ||
      (g.bodyKind === 'parent_unit' &&
        holdsRoleOver(actor, ['dx_office'], {
          id: g.ownerUnitId,
          ancestry: ancestryOf(owners.get(g.ownerUnitId) ?? ''),
        }));
    if (
      closer &&
      g.campaignStatus === 'under_appraisal' &&
      items.length > 0 &&
      items.every((i) => i.status === 'final')
    )
      out.push({ ...common, kind: 'close_appraisal', counts: { units: counts.units } });
  }
  return out;
}
