// Removes one lineage row (a mistaken predecessor) with a reason. Allowed even when a published campaign's
// derived view used it (the derived views are read models, recomputed from lineage on every view; the
// signed snapshots never held lineage): the audit entry names those campaigns, so the change of what the
// derived views show stays traceable. A predecessor ended by the change is not reactivated here (an
// ordinary edit of its dates does that, deliberately).
import type { AuditActor } from '../../db/audit/write-audit.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { deleteLineageRow, lineageOf, lineageUnits, publishedCampaignsWithUnits } from '../../db/queries/lineage.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { notFound } from '../errors.ts';
import { loadManagedUnit } from './load-managed-unit.ts';

export async function removeLineage(
  db: Db,
  {
    who,
    unitId,
    predecessorId,
    input,
  }: {
    who: { actor: ScopedActor; audit: AuditActor };
    unitId: string;
    predecessorId: string;
    input: { reason: string };
  },
): Promise<{ usedBy: { campaignId: string; name: string; year: number }[] }> {
  return db.transaction(async (tx) => {
    await loadManagedUnit(tx, { actor: who.actor, id: unitId, ability: 'update' });
    const removed = await deleteLineageRow(tx, unitId, predecessorId);
    if (!removed) throw notFound('Không tìm thấy quan hệ kế thừa này.');
    const units = await lineageUnits(tx, [unitId, predecessorId]);
    // The predecessor's published results, or those of its own predecessors (a chain), fed the derived views.
    const back = await lineageOf(tx, predecessorId);
    const usedBy = await publishedCampaignsWithUnits(tx, [predecessorId, ...back.links.map((l) => l.predecessorId)]);
    await writeAudit(tx, who.audit, {
      action: 'org_unit.lineage.remove',
      objectType: 'org_unit',
      objectId: unitId,
      unitId,
      before: { ...removed, predecessorCode: units.get(predecessorId)?.code ?? null },
      after: { usedByPublishedDerivedViews: usedBy.map((c) => ({ campaignId: c.campaignId, year: c.year })) },
      reason: input.reason,
    });
    return { usedBy };
  });
}
