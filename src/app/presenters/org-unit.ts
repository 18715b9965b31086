// What the API shows of a unit: its fields plus what the caller may do with it (from the policy).
import { orgUnitAbilities, type Actor } from '../../core/policy/index.ts';
import type { OrgUnitRow, UnitTreeRow } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';

export function todayInVietnam(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

export function isActiveOn(row: Pick<OrgUnitRow, 'activeFrom' | 'activeTo'>, day: string): boolean {
  return (!row.activeFrom || row.activeFrom <= day) && (!row.activeTo || row.activeTo >= day);
}

/** `today` (todayInVietnam of the server clock) decides whether the unit shows as active. */
export function presentOrgUnit(row: UnitTreeRow, actor: Actor, today: string) {
  const a = orgUnitAbilities(actor, { id: row.id, ancestry: ancestryOf(row.path) });
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    parentId: row.parentId,
    activeFrom: row.activeFrom,
    activeTo: row.activeTo,
    active: isActiveOn(row, today),
    version: row.version,
    abilities: { update: a.update, move: a.move, deactivate: a.deactivate, createChild: a.createChild },
  };
}

export type OrgUnitView = ReturnType<typeof presentOrgUnit>;
