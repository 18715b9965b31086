// Accounts, role grants, unit groups and the menu, as rules over the tree P → D1 → C1; P → D2 → C3.
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type RoleGrant,
  type UnitRef,
  type UserRef,
  ROLES,
  canAddMember,
  canCreateGroup,
  canGrantRole,
  canViewAudit,
  globalAbilities,
  unitGroupAbilities,
  userAbilities,
} from '../../../src/core/policy/index.ts';

const P: UnitRef = { id: 'P', ancestry: ['P'] };
const D1: UnitRef = { id: 'D1', ancestry: ['P', 'D1'] };
const C1: UnitRef = { id: 'C1', ancestry: ['P', 'D1', 'C1'] };
const C3: UnitRef = { id: 'C3', ancestry: ['P', 'D2', 'C3'] };

const actor = (userId: string, grants: RoleGrant[]): Actor => ({ userId, grants });
const admin = actor('admin', [{ role: 'system_admin', unitId: 'P', subtree: true }]);
const office = actor('office', [{ role: 'dx_office', unitId: 'P', subtree: true }]);
const d1office = actor('d1office', [{ role: 'dx_office', unitId: 'D1', subtree: true }]);
const repC1 = actor('rep_c1', [{ role: 'unit_reporter', unitId: 'C1', subtree: false }]);

const account = (id: string, grants: [RoleGrant['role'], UnitRef][] = []): UserRef => ({
  id,
  grants: grants.map(([role, unit]) => ({ role, unitId: unit.id, subtree: false, unit })),
});
const reporterOfC1 = account('x', [['unit_reporter', C1]]);
const reporterOfC3 = account('y', [['unit_reporter', C3]]);
const anotherAdmin = account('z', [['system_admin', P]]);
const newcomer = account('n');

describe('userAbilities', () => {
  const all = { read: true, update: true, assignRoles: true, deactivate: true };
  const none = { read: false, update: false, assignRoles: false, deactivate: false };

  it('a system administrator manages every account', () => {
    for (const u of [reporterOfC1, reporterOfC3, anotherAdmin, newcomer]) expect(userAbilities(admin, u)).toEqual(all);
  });
  it('a DX office manages accounts whose roles all lie within its subtree', () => {
    expect(userAbilities(d1office, reporterOfC1)).toEqual(all);
  });
  it('a DX office manages accounts with no role yet (new staff)', () => {
    expect(userAbilities(d1office, newcomer)).toEqual(all);
  });
  it('a DX office cannot manage an account holding any role outside its subtree', () => {
    expect(userAbilities(d1office, reporterOfC3)).toEqual(none);
    expect(userAbilities(d1office, account('w', [['unit_reporter', C1], ['viewer', C3]]))).toEqual(none);
  });
  it('a DX office cannot manage a system administrator, even one on a unit it reaches', () => {
    expect(userAbilities(office, anotherAdmin)).toEqual(none);
    expect(userAbilities(d1office, account('a', [['system_admin', C1]]))).toEqual(none);
  });
  it('nobody deactivates themselves or changes their own roles', () => {
    expect(userAbilities(admin, account('admin', [['system_admin', P]]))).toMatchObject({ read: true, assignRoles: false, deactivate: false });
    expect(userAbilities(office, account('office', [['dx_office', P]]))).toMatchObject({ read: true, assignRoles: false, deactivate: false });
  });
  it('anyone else reads only their own account', () => {
    expect(userAbilities(repC1, account('rep_c1', [['unit_reporter', C1]]))).toEqual({ ...none, read: true });
    expect(userAbilities(repC1, newcomer)).toEqual(none);
  });
});

describe('canGrantRole', () => {
  it('a DX office never grants system_admin, not even in its own subtree', () => {
    expect(canGrantRole(office, 'system_admin', C1)).toBe(false);
  });
  it('a DX office grants every other role on the units it reaches, and none elsewhere', () => {
    for (const role of ROLES.filter((r) => r !== 'system_admin')) {
      expect(canGrantRole(d1office, role, C1)).toBe(true);
      expect(canGrantRole(d1office, role, C3)).toBe(false);
      expect(canGrantRole(d1office, role, P)).toBe(false);
    }
  });
  it('a system administrator grants any role anywhere; others grant nothing', () => {
    expect(canGrantRole(admin, 'system_admin', C3)).toBe(true);
    expect(canGrantRole(repC1, 'viewer', C1)).toBe(false);
  });
});

describe('unit groups', () => {
  it('a system administrator manages every group, system-wide ones included', () => {
    expect(unitGroupAbilities(admin, null)).toEqual({ read: true, update: true, delete: true });
  });
  it('a DX office manages the groups owned by a unit it reaches and only reads the others', () => {
    expect(unitGroupAbilities(d1office, D1)).toEqual({ read: true, update: true, delete: true });
    expect(unitGroupAbilities(d1office, P)).toEqual({ read: true, update: false, delete: false });
    expect(unitGroupAbilities(d1office, null)).toEqual({ read: true, update: false, delete: false });
  });
  it('a unit reporter does not see groups at all', () => {
    expect(unitGroupAbilities(repC1, D1)).toEqual({ read: false, update: false, delete: false });
  });
  it('only system administrators and DX offices create groups', () => {
    expect([admin, office, d1office, repC1].map(canCreateGroup)).toEqual([true, true, true, false]);
  });
  it('members must be units the manager reaches', () => {
    expect(canAddMember(d1office, C1)).toBe(true);
    expect(canAddMember(d1office, C3)).toBe(false);
    expect(canAddMember(admin, C3)).toBe(true);
  });
});

describe('globalAbilities (the menu)', () => {
  const everything = { manageUnits: true, manageGroups: true, manageUsers: true, viewAudit: true, manageFrameworks: true, manageCampaigns: true };
  const nothing = { manageUnits: false, manageGroups: false, manageUsers: false, viewAudit: false, manageFrameworks: false, manageCampaigns: false };
  it('system administrators and DX offices get the management menu', () => {
    expect(globalAbilities(admin)).toEqual(everything);
    expect(globalAbilities(d1office)).toEqual(everything);
  });
  it('every other role gets none of it', () => {
    for (const role of ROLES.filter((r) => r !== 'system_admin' && r !== 'dx_office')) {
      expect(globalAbilities(actor('r', [{ role, unitId: 'P', subtree: true }]))).toEqual(nothing);
    }
    expect(globalAbilities(actor('n', []))).toEqual(nothing);
  });
  it('the audit log is read by system administrators and DX offices only', () => {
    expect([admin, office, repC1].map(canViewAudit)).toEqual([true, true, false]);
  });
});
