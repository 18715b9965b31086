// Unit groups and the menu, as rules over the tree P → D1 → C1; P → D2 → C3 (accounts: user-policy.test.ts).
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type RoleGrant,
  type UnitRef,
  ROLES,
  canAddMember,
  canCreateGroup,
  canViewAudit,
  globalAbilities,
  unitGroupAbilities,
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
  const everything = {
    manageUnits: true,
    manageGroups: true,
    manageUsers: true,
    viewAudit: true,
    manageFrameworks: true,
    manageCampaigns: true,
  };
  const nothing = {
    manageUnits: false,
    manageGroups: false,
    manageUsers: false,
    viewAudit: false,
    manageFrameworks: false,
    manageCampaigns: false,
  };
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
