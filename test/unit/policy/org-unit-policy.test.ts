// The organisation-unit rules as plain sentences over a small tree: P → D1 → C1, C2; P → D2 → C3.
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type RoleGrant,
  type UnitRef,
  checkMove,
  grantCovers,
  orgUnitAbilities,
} from '../../../src/core/policy/index.ts';

const P: UnitRef = { id: 'P', ancestry: ['P'] };
const D1: UnitRef = { id: 'D1', ancestry: ['P', 'D1'] };
const C1: UnitRef = { id: 'C1', ancestry: ['P', 'D1', 'C1'] };
const C2: UnitRef = { id: 'C2', ancestry: ['P', 'D1', 'C2'] };
const D2: UnitRef = { id: 'D2', ancestry: ['P', 'D2'] };
const C3: UnitRef = { id: 'C3', ancestry: ['P', 'D2', 'C3'] };

function actor(grants: RoleGrant[], context: string[] = []): Actor {
  return { userId: 'u', grants, contextUnitIds: new Set(context) };
}
const admin = actor([{ role: 'system_admin', unitId: 'P', subtree: true }]);
const d1office = actor([{ role: 'dx_office', unitId: 'D1', subtree: true }], ['P']);
const repC1 = actor([{ role: 'unit_reporter', unitId: 'C1', subtree: false }], ['P', 'D1']);
const viewer = actor([{ role: 'viewer', unitId: 'P', subtree: true }]);
const nobody = actor([]);

describe('grantCovers', () => {
  it('a grant covers its own unit', () => {
    expect(grantCovers({ role: 'viewer', unitId: 'C1', subtree: false }, C1)).toBe(true);
  });
  it('a subtree grant covers every descendant', () => {
    const g: RoleGrant = { role: 'dx_office', unitId: 'D1', subtree: true };
    expect([C1, C2].map((u) => grantCovers(g, u))).toEqual([true, true]);
  });
  it('a single-unit grant does not cover descendants', () => {
    expect(grantCovers({ role: 'dx_office', unitId: 'D1', subtree: false }, C1)).toBe(false);
  });
  it('no grant covers its ancestors or siblings', () => {
    const g: RoleGrant = { role: 'dx_office', unitId: 'D1', subtree: true };
    expect([P, D2, C3].map((u) => grantCovers(g, u))).toEqual([false, false, false]);
  });
});

describe('orgUnitAbilities', () => {
  const none = { read: false, update: false, move: false, deactivate: false, createChild: false };
  const readOnly = { ...none, read: true };
  const manage = { read: true, update: true, move: true, deactivate: true, createChild: true };

  it('a system administrator manages every unit', () => {
    for (const u of [P, D1, C1, D2, C3]) expect(orgUnitAbilities(admin, u)).toEqual(manage);
  });
  it('a DX office manages its subtree, reads its ancestors as context, and cannot see elsewhere', () => {
    expect(orgUnitAbilities(d1office, D1)).toEqual(manage);
    expect(orgUnitAbilities(d1office, C1)).toEqual(manage);
    expect(orgUnitAbilities(d1office, P)).toEqual(readOnly);
    expect(orgUnitAbilities(d1office, D2)).toEqual(none);
    expect(orgUnitAbilities(d1office, C3)).toEqual(none);
  });
  it('a reporter reads its own unit and its ancestors, and changes none of them', () => {
    expect(orgUnitAbilities(repC1, C1)).toEqual(readOnly);
    expect(orgUnitAbilities(repC1, D1)).toEqual(readOnly);
    expect(orgUnitAbilities(repC1, P)).toEqual(readOnly);
    expect(orgUnitAbilities(repC1, C2)).toEqual(none);
  });
  it('a viewer of the province reads everything and changes nothing', () => {
    for (const u of [P, D1, C1, C3]) expect(orgUnitAbilities(viewer, u)).toEqual(readOnly);
  });
  it('an account without roles sees nothing', () => {
    expect(orgUnitAbilities(nobody, P)).toEqual(none);
  });
});

describe('checkMove', () => {
  it('refuses moving a unit under itself or under its own descendant', () => {
    expect(checkMove(admin, D1, D1)).toBe('into_descendant');
    expect(checkMove(admin, D1, C1)).toBe('into_descendant');
  });
  it('allows moving within the managed subtree', () => {
    expect(checkMove(d1office, C1, C2)).toBe('ok');
  });
  it('forbids moving to a parent the actor does not manage (even one it reads as context)', () => {
    expect(checkMove(d1office, C1, P)).toBe('forbidden');
    expect(checkMove(d1office, C1, D2)).toBe('forbidden');
  });
  it('forbids moving a unit the actor does not manage', () => {
    expect(checkMove(repC1, C1, D1)).toBe('forbidden');
    expect(checkMove(d1office, C3, D1)).toBe('forbidden');
  });
  it('only a system administrator makes a unit a root', () => {
    expect(checkMove(admin, D1, null)).toBe('ok');
    expect(checkMove(d1office, C1, null)).toBe('forbidden');
  });
});
