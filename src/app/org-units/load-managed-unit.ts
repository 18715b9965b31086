// Loads a unit for a change: absent or unreadable → 404; readable but not manageable → 403; stale
// version → 409 with the current values. Row-locked for the rest of the transaction.
import { orgUnitAbilities, type OrgUnitAbilities } from '../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import { findReadableUnit, lockUnitRow, type OrgUnitRow, type ScopedActor } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { OperationError, notFound, versionConflict } from '../errors.ts';

export async function loadManagedUnit(
  tx: Db,
  {
    actor,
    id,
    ability,
    expectedVersion,
  }: { actor: ScopedActor; id: string; ability: keyof OrgUnitAbilities; expectedVersion?: number },
): Promise<OrgUnitRow> {
  const readable = await findReadableUnit(tx, actor, id);
  if (!readable) throw notFound('Không tìm thấy đơn vị.');
  const row = await lockUnitRow(tx, id);
  if (!row) throw notFound('Không tìm thấy đơn vị.');
  if (!orgUnitAbilities(actor, { id: row.id, ancestry: ancestryOf(row.path) })[ability]) {
    throw new OperationError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này trên đơn vị.');
  }
  if (expectedVersion !== undefined && expectedVersion !== row.version) throw versionConflict(row);
  return row;
}
