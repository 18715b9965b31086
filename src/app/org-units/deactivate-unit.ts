// Ends a unit's activity on a date (default: today), with a reason. The unit and its history remain.
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { setUnitActiveTo } from '../../db/queries/org-unit-writes.ts';
import type { OrgUnitRow, ScopedActor } from '../../db/queries/org-units.ts';
import { OperationError } from '../errors.ts';
import { todayInVietnam } from '../presenters/org-unit.ts';
import { loadManagedUnit } from './load-managed-unit.ts';

export async function deactivateUnit(
  db: Db,
  {
    who,
    id,
    input,
    now,
  }: {
    who: { actor: ScopedActor; audit: AuditActor };
    id: string;
    input: { activeTo?: string; reason: string };
    now: Date;
  },
): Promise<OrgUnitRow> {
  return db.transaction(async (tx) => {
    const before = await loadManagedUnit(tx, { actor: who.actor, id, ability: 'deactivate' });
    const activeTo = input.activeTo ?? todayInVietnam(now);
    if (before.activeFrom && activeTo < before.activeFrom) {
      throw new OperationError('VALIDATION_FAILED', 'Ngày ngừng hoạt động phải sau ngày bắt đầu hoạt động.');
    }
    const after = await setUnitActiveTo(tx, id, activeTo, now);
    await writeAudit(tx, who.audit, {
      action: 'org_unit.deactivate',
      objectType: 'org_unit',
      objectId: id,
      unitId: id,
      before: { activeTo: before.activeTo },
      after: { activeTo },
      reason: input.reason,
    });
    return after;
  });
}
