// The group list and one group's page: what the reader may see of the groups and their members.
import { canCreateGroup, canReadUnit } from '../../core/policy/index.ts';
import { compareCodes } from '../../core/text/vietnamese.ts';
import type { Db } from '../../db/client.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { allUnitGroups, countGroupMembers, groupMemberUnits } from '../../db/queries/unit-groups.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { presentOrgUnit, todayInVietnam } from '../presenters/org-unit.ts';
import { groupAbilities, loadGroup, type GroupRow } from './save-group.ts';

export async function presentGroup(db: Db, actor: ScopedActor, g: GroupRow) {
  const memberCount = await countGroupMembers(db, g.id);
  const a = await groupAbilities(db, actor, g);
  return {
    id: g.id,
    code: g.code,
    name: g.name,
    description: g.description,
    memberCount,
    abilities: { update: a.update, delete: a.delete },
  };
}

export async function listGroups(db: Db, actor: ScopedActor, page: { page: number; pageSize: number }) {
  const visible: GroupRow[] = [];
  for (const g of await allUnitGroups(db)) if ((await groupAbilities(db, actor, g)).read) visible.push(g);
  visible.sort((a, b) => compareCodes(a.code, b.code));
  const slice = visible.slice((page.page - 1) * page.pageSize, page.page * page.pageSize);
  const items = await Promise.all(slice.map((g) => presentGroup(db, actor, g)));
  return { items, total: visible.length, ...page, abilities: { create: canCreateGroup(actor) } };
}

/** `now` (the server clock) decides which members are active today. */
export async function readGroup(db: Db, { actor, id, now }: { actor: ScopedActor; id: string; now: Date }) {
  const group = await loadGroup(db, { actor, id, need: 'read' });
  const members = await groupMemberUnits(db, group.id);
  // Only the members the reader may see as units: a group readable province-wide must not reveal the
  // units outside the reader's reach (memberCount still tells how many there are).
  const visible = members.filter((m) => canReadUnit(actor, { id: m.id, ancestry: ancestryOf(m.path) }));
  visible.sort((a, b) => compareCodes(a.code, b.code));
  const today = todayInVietnam(now);
  return {
    ...(await presentGroup(db, actor, group)),
    members: visible.map((m) => presentOrgUnit(m, actor, today)),
  };
}
