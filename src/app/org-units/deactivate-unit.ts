// Ends a unit's activity on a date (default: today), with a reason. The unit and its history remain.
import { eq, sql } from 'drizzle-orm';
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import type { OrgUnitRow, ScopedActor } from '../../db/queries/org-units.ts';
import { orgUnits } from '../../db/schema/org.ts';
import { OperationError } from '../errors.ts';
import { todayInVietnam } from '../presenters/org-unit.ts';
import { loadManagedUnit } from './load-managed-unit.ts';

export async function deactivateUnit(
  db: Db,
  who: { actor: ScopedActor; audit: AuditActor },
  id: string,
  input: { activeTo?: string; reason: string },
): Promise<OrgUnitRow> {
  return db.transaction(async (tx) => {
    const before = await loadManagedUnit(tx, who.actor, id, 'deactivate');
    const activeTo = input.activeTo ?? todayInVietnam(new Date());
    if (before.activeFrom && activeTo < before.activeFrom) {
      throw new OperationError('VALIDATION_FAILED', 'Ngày ngừng hoạt động phải sau ngày bắt đầu hoạt động.');
    }
    const [after] = await tx
      .update(orgUnits)
      .set({ activeTo, version: sql`${orgUnits.version} + 1`, updatedAt: new Date() })
      .where(eq(orgUnits.id, id))
      .returning();
    await writeAudit(tx, who.audit, {
      action: 'org_unit.deactivate',
      objectType: 'org_unit',
      objectId: id,
      unitId: id,
      before: { activeTo: before.activeTo },
      after: { activeTo },
      reason: input.reason,
    });
    return after!;
  });
}
