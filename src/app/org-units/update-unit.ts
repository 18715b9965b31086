// Edits a unit's own fields (code, name, type, active dates) with optimistic concurrency.
import type { UnitType } from '../../core/org/unit-types.ts';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { updateUnitFields } from '../../db/queries/org-unit-writes.ts';
import type { OrgUnitRow, ScopedActor } from '../../db/queries/org-units.ts';
import { OperationError } from '../errors.ts';
import { assertCodeFree } from './create-unit.ts';
import { loadManagedUnit } from './load-managed-unit.ts';

export interface UpdateUnitInput {
  code?: string;
  name?: string;
  type?: UnitType;
  activeFrom?: string | null;
  activeTo?: string | null;
  version: number;
}

export async function updateUnit(
  db: Db,
  {
    who,
    id,
    input,
    now,
  }: {
    who: { actor: ScopedActor; audit: AuditActor };
    id: string;
    input: UpdateUnitInput;
    /** The server clock: the unit's updated_at. */
    now: Date;
  },
): Promise<OrgUnitRow> {
  return db.transaction(async (tx) => {
    const before = await loadManagedUnit(tx, {
      actor: who.actor,
      id,
      ability: 'update',
      expectedVersion: input.version,
    });
    if (input.code !== undefined && input.code !== before.code) await assertCodeFree(tx, input.code, id);
    const activeFrom = input.activeFrom !== undefined ? input.activeFrom : before.activeFrom;
    const activeTo = input.activeTo !== undefined ? input.activeTo : before.activeTo;
    if (activeFrom && activeTo && activeTo < activeFrom) {
      throw new OperationError('VALIDATION_FAILED', 'Ngày kết thúc hoạt động phải sau ngày bắt đầu.');
    }
    const after = await updateUnitFields(
      tx,
      id,
      {
        code: input.code ?? before.code,
        name: input.name ?? before.name,
        nameFolded: foldVietnamese(input.name ?? before.name),
        type: input.type ?? before.type,
        activeFrom,
        activeTo,
      },
      now,
    );
    await writeAudit(tx, who.audit, {
      action: 'org_unit.update',
      objectType: 'org_unit',
      objectId: id,
      unitId: id,
      before,
      after,
    });
    return after;
  });
}
