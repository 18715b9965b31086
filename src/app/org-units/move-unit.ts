// Moves a unit (with its whole subtree) under a new parent. Refuses a move under its own descendant.
import { ancestryOf, childPath } from '../../db/queries/unit-path.ts';
import { checkMove } from '../../core/policy/index.ts';
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { moveSubtreePaths, setUnitParent } from '../../db/queries/org-unit-writes.ts';
import { findReadableUnit, type OrgUnitRow, type ScopedActor } from '../../db/queries/org-units.ts';
import { OperationError, notFound } from '../errors.ts';
import { loadManagedUnit } from './load-managed-unit.ts';

export async function moveUnit(
  db: Db,
  {
    who,
    id,
    input,
    now,
  }: {
    who: { actor: ScopedActor; audit: AuditActor };
    id: string;
    input: { parentId: string | null; version: number };
    /** The server clock: the unit's updated_at. */
    now: Date;
  },
): Promise<OrgUnitRow> {
  return db.transaction(async (tx) => {
    const unit = await loadManagedUnit(tx, { actor: who.actor, id, ability: 'move', expectedVersion: input.version });
    const parent = input.parentId ? await findReadableUnit(tx, who.actor, input.parentId) : null;
    if (input.parentId && !parent) throw notFound('Không tìm thấy đơn vị cấp trên mới.');
    const verdict = checkMove(
      who.actor,
      { id: unit.id, ancestry: ancestryOf(unit.path) },
      parent ? { id: parent.id, ancestry: ancestryOf(parent.path) } : null,
    );
    if (verdict === 'into_descendant') {
      throw new OperationError(
        'MOVE_INTO_DESCENDANT',
        'Không thể chuyển một đơn vị vào chính nó hoặc vào đơn vị cấp dưới của nó.',
      );
    }
    if (verdict === 'forbidden')
      throw new OperationError('FORBIDDEN', 'Bạn không có quyền chuyển đơn vị tới vị trí này.');
    const oldPath = unit.path;
    const newPath = childPath(parent?.path ?? null, unit.id);
    await moveSubtreePaths(tx, oldPath, newPath);
    const after = await setUnitParent(tx, id, parent?.id ?? null, now);
    await writeAudit(tx, who.audit, {
      action: 'org_unit.move',
      objectType: 'org_unit',
      objectId: id,
      unitId: id,
      before: { parentId: unit.parentId },
      after: { parentId: after.parentId },
    });
    return after;
  });
}
