// Creates, edits, deletes unit groups and sets their members. Members must be units the actor manages.
import { eq, sql } from 'drizzle-orm';
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
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { unitGroupMembers, unitGroups } from '../../db/schema/org.ts';
import { OperationError, notFound } from '../errors.ts';

type Who = { actor: ScopedActor; audit: AuditActor };
export type GroupRow = typeof unitGroups.$inferSelect;

export async function groupAbilities(tx: Db, actor: ScopedActor, group: GroupRow): Promise<UnitGroupAbilities> {
  if (!group.ownerUnitId) return unitGroupAbilities(actor, null);
  const [owner] = await findUnitsByIds(tx, [group.ownerUnitId]);
  return unitGroupAbilities(actor, owner ? { id: owner.id, ancestry: ancestryOf(owner.path) } : null);
}

async function loadGroup(tx: Db, actor: ScopedActor, id: string, need: keyof UnitGroupAbilities): Promise<GroupRow> {
  const [group] = await tx.select().from(unitGroups).where(eq(unitGroups.id, id)).limit(1);
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
    const [taken] = await tx
      .select({ id: unitGroups.id })
      .from(unitGroups)
      .where(eq(unitGroups.code, input.code))
      .limit(1);
    if (taken) throw new OperationError('GROUP_CODE_TAKEN', `Mã nhóm "${input.code}" đã được sử dụng.`);
    // A DX office owns the groups it creates, on the unit its role is held on (its first office grant).
    const owner = input.ownerUnitId ?? who.actor.grants.find((g) => g.role === 'dx_office')?.unitId ?? null;
    const members = await checkMembers(tx, who.actor, input.unitIds ?? []);
    const [row] = await tx
      .insert(unitGroups)
      .values({ code: input.code, name: input.name, description: input.description ?? null, ownerUnitId: owner })
      .returning();
    if (members.length)
      await tx.insert(unitGroupMembers).values(members.map((unitId) => ({ groupId: row!.id, unitId })));
    await writeAudit(tx, who.audit, {
      action: 'unit_group.create',
      objectType: 'unit_group',
      objectId: row!.id,
      unitId: owner,
      after: { ...row, memberCount: members.length },
    });
    return row!;
  });
}

export async function updateGroup(db: Db, who: Who, id: string, input: { name?: string; description?: string | null }) {
  return db.transaction(async (tx) => {
    const before = await loadGroup(tx, who.actor, id, 'update');
    const [after] = await tx
      .update(unitGroups)
      .set({
        name: input.name ?? before.name,
        description: input.description !== undefined ? input.description : before.description,
        version: sql`${unitGroups.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(unitGroups.id, id))
      .returning();
    await writeAudit(tx, who.audit, {
      action: 'unit_group.update',
      objectType: 'unit_group',
      objectId: id,
      unitId: before.ownerUnitId,
      before,
      after,
    });
    return after!;
  });
}

export async function setGroupMembers(db: Db, who: Who, id: string, unitIds: string[]) {
  return db.transaction(async (tx) => {
    const group = await loadGroup(tx, who.actor, id, 'update');
    const members = await checkMembers(tx, who.actor, unitIds);
    const before = (
      await tx
        .select({ unitId: unitGroupMembers.unitId })
        .from(unitGroupMembers)
        .where(eq(unitGroupMembers.groupId, id))
    ).map((r) => r.unitId);
    await tx.delete(unitGroupMembers).where(eq(unitGroupMembers.groupId, id));
    if (members.length) await tx.insert(unitGroupMembers).values(members.map((unitId) => ({ groupId: id, unitId })));
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
    const group = await loadGroup(tx, who.actor, id, 'delete');
    await tx.delete(unitGroups).where(eq(unitGroups.id, id));
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
