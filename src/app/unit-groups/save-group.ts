// Creates, edits, deletes unit groups and sets their members. Members must be units the actor manages.
import {
  canAddMember,
  canCreateGroup,
  canReadUnit,
  unitGroupAbilities,
  type UnitGroupAbilities,
} from '../../core/policy/index.ts';
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { findUnitsByIds, type ScopedActor } from '../../db/queries/org-units.ts';
import {
  type UnitGroupRow,
  deleteUnitGroup,
  groupMemberIds,
  insertGroupMembers,
  insertUnitGroup,
  replaceGroupMembers,
  unitGroupById,
  unitGroupCodeTaken,
  updateUnitGroupRow,
} from '../../db/queries/unit-groups.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { OperationError, notFound } from '../errors.ts';

type Who = { actor: ScopedActor; audit: AuditActor };
export type GroupRow = UnitGroupRow;

export async function groupAbilities(tx: Db, actor: ScopedActor, group: GroupRow): Promise<UnitGroupAbilities> {
  if (!group.ownerUnitId) return unitGroupAbilities(actor, null);
  const [owner] = await findUnitsByIds(tx, [group.ownerUnitId]);
  return unitGroupAbilities(actor, owner ? { id: owner.id, ancestry: ancestryOf(owner.path) } : null);
}

async function loadGroup(
  tx: Db,
  { actor, id, need }: { actor: ScopedActor; id: string; need: keyof UnitGroupAbilities },
): Promise<GroupRow> {
  const group = await unitGroupById(tx, id);
  if (!group) throw notFound('Không tìm thấy nhóm đơn vị.');
  const abilities = await groupAbilities(tx, actor, group);
  if (!abilities.read) throw notFound('Không tìm thấy nhóm đơn vị.');
  if (!abilities[need]) throw new OperationError('FORBIDDEN', 'Bạn không có quyền sửa nhóm đơn vị này.');
  return group;
}

async function checkMembers(tx: Db, actor: ScopedActor, unitIds: readonly string[]) {
  const unique = [...new Set(unitIds)];
  const units = await findUnitsByIds(tx, unique);
  if (units.length !== unique.length) throw notFound('Có đơn vị thành viên không tồn tại.');
  const outside = units.filter((u) => !canAddMember(actor, { id: u.id, ancestry: ancestryOf(u.path) }));
  if (outside.length) {
    // Name only the units the actor can see; the others' codes would leak units outside its reach.
    const named = outside
      .filter((u) => canReadUnit(actor, { id: u.id, ancestry: ancestryOf(u.path) }))
      .map((u) => u.code);
    const hidden = outside.length - named.length;
    const list = [...named, ...(hidden ? [`${hidden} đơn vị ngoài phạm vi quản lý`] : [])].join(', ');
    throw new OperationError('FORBIDDEN', `Không có quyền đưa các đơn vị sau vào nhóm: ${list}.`);
  }
  return unique;
}

export async function createGroup(
  db: Db,
  who: Who,
  input: { code: string; name: string; description?: string | null; unitIds?: string[]; ownerUnitId?: string | null },
) {
  if (!canCreateGroup(who.actor)) throw new OperationError('FORBIDDEN', 'Bạn không có quyền tạo nhóm đơn vị.');
  return db.transaction(async (tx) => {
    if (await unitGroupCodeTaken(tx, input.code))
      throw new OperationError('GROUP_CODE_TAKEN', `Mã nhóm "${input.code}" đã được sử dụng.`);
    // A DX office owns the groups it creates, on the unit its role is held on (its first office grant).
    const owner = input.ownerUnitId ?? who.actor.grants.find((g) => g.role === 'dx_office')?.unitId ?? null;
    const members = await checkMembers(tx, who.actor, input.unitIds ?? []);
    const row = await insertUnitGroup(tx, {
      code: input.code,
      name: input.name,
      description: input.description ?? null,
      ownerUnitId: owner,
    });
    await insertGroupMembers(tx, row.id, members);
    await writeAudit(tx, who.audit, {
      action: 'unit_group.create',
      objectType: 'unit_group',
      objectId: row.id,
      unitId: owner,
      after: { ...row, memberCount: members.length },
    });
    return row;
  });
}

export async function updateGroup(
  db: Db,
  { who, id, input, now }: { who: Who; id: string; input: { name?: string; description?: string | null }; now: Date },
) {
  return db.transaction(async (tx) => {
    const before = await loadGroup(tx, { actor: who.actor, id, need: 'update' });
    const after = await updateUnitGroupRow(tx, id, {
      name: input.name ?? before.name,
      description: input.description !== undefined ? input.description : before.description,
      updatedAt: now,
    });
    await writeAudit(tx, who.audit, {
      action: 'unit_group.update',
      objectType: 'unit_group',
      objectId: id,
      unitId: before.ownerUnitId,
      before,
      after,
    });
    return after;
  });
}

export async function setGroupMembers(db: Db, { who, id, unitIds }: { who: Who; id: string; unitIds: string[] }) {
  return db.transaction(async (tx) => {
    const group = await loadGroup(tx, { actor: who.actor, id, need: 'update' });
    const members = await checkMembers(tx, who.actor, unitIds);
    const before = await groupMemberIds(tx, id);
    await replaceGroupMembers(tx, id, members);
    await writeAudit(tx, who.audit, {
      action: 'unit_group.set_members',
      objectType: 'unit_group',
      objectId: id,
      unitId: group.ownerUnitId,
      before: { unitIds: before.sort() },
      after: { unitIds: [...members].sort() },
    });
    return group;
  });
}

export async function deleteGroup(db: Db, who: Who, id: string) {
  await db.transaction(async (tx) => {
    const group = await loadGroup(tx, { actor: who.actor, id, need: 'delete' });
    await deleteUnitGroup(tx, id);
    await writeAudit(tx, who.audit, {
      action: 'unit_group.delete',
      objectType: 'unit_group',
      objectId: id,
      unitId: group.ownerUnitId,
      before: group,
    });
  });
}

export { loadGroup };
