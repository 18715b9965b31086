// The unit that issues a new set (frameworks.owner_unit_id). Asked for explicitly, it must be a unit the
// caller's DX office reaches; otherwise a DX office issues for its own unit (the broadest one it holds
// the role on) and a system administrator, the command line and the seed for the root of the tree (the
// province: presets and province-wide sets).
import { canIssueFrameworkFor, isSystemAdmin } from '../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import { firstRootUnitId } from '../../db/queries/framework-owner.ts';
import { type ScopedActor, findReadableUnit, findUnitsByIds } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { OperationError, notFound } from '../errors.ts';

export async function resolveNewOwner(
  tx: Db,
  actor: ScopedActor | null,
  requested: string | undefined,
): Promise<string> {
  if (requested) return checkRequestedOwner(tx, actor, requested);
  if (actor && !isSystemAdmin(actor)) {
    const offices = actor.grants.filter((g) => g.role === 'dx_office' && actor.grantPaths.has(g.unitId));
    const broadest = offices.sort(
      (a, b) => ancestryOf(actor.grantPaths.get(a.unitId)!).length - ancestryOf(actor.grantPaths.get(b.unitId)!).length,
    )[0];
    if (!broadest) throw new OperationError('FORBIDDEN', 'Bạn không có quyền tạo bộ chỉ số.');
    return broadest.unitId;
  }
  // An administrator's root is the root above the unit of their role; the first root otherwise.
  const grantRoot = actor?.grants.map((g) => actor.grantPaths.get(g.unitId)).find(Boolean);
  if (grantRoot) return ancestryOf(grantRoot)[0]!;
  const root = await firstRootUnitId(tx);
  if (!root)
    throw new OperationError(
      'INVALID_STATE',
      'Chưa có đơn vị nào: hãy tạo đơn vị gốc (tỉnh) trước khi tạo bộ chỉ số — bộ chỉ số thuộc về đơn vị ban hành.',
    );
  return root;
}

async function checkRequestedOwner(tx: Db, actor: ScopedActor | null, unitId: string): Promise<string> {
  const unit = actor ? await findReadableUnit(tx, actor, unitId) : (await findUnitsByIds(tx, [unitId]))[0];
  if (!unit) throw notFound('Không tìm thấy đơn vị ban hành bộ chỉ số.');
  if (actor && !canIssueFrameworkFor(actor, { id: unit.id, ancestry: ancestryOf(unit.path) })) {
    throw new OperationError(
      'FORBIDDEN',
      `Bạn không ban hành được bộ chỉ số cho ${unit.name}: chỉ cho đơn vị thuộc phạm vi quản lý của cơ quan chuyên trách.`,
    );
  }
  return unit.id;
}
