// Who manages which account (password reset, username, disabling, roles, tokens), as rules over the tree
// P → D1 → C1, C2; P → D2 → C3. Whoever may set an account's password can sign in as it, so only someone
// who manages every unit the account reaches — or will reach — may.
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type RoleGrant,
  type UnitRef,
  type UserRef,
  ROLES,
  canGrantRole,
  managesAccount,
  userAbilities,
} from '../../../src/core/policy/index.ts';

const P: UnitRef = { id: 'P', ancestry: ['P'] };
const D1: UnitRef = { id: 'D1', ancestry: ['P', 'D1'] };
const C1: UnitRef = { id: 'C1', ancestry: ['P', 'D1', 'C1'] };
const C3: UnitRef = { id: 'C3', ancestry: ['P', 'D2', 'C3'] };

const actor = (userId: string, grants: RoleGrant[]): Actor => ({ userId, grants });
const admin = actor('admin', [{ role: 'system_admin', unitId: 'P', subtree: true }]);
const sotttt = actor('sotttt', [{ role: 'dx_office', unitId: 'P', subtree: true }]);
const cxVhtt = actor('cx.vhtt', [{ role: 'dx_office', unitId: 'D1', subtree: true }]);
/** A DX office whose role covers D1 itself only, not the communes below it. */
const d1Only = actor('d1.only', [{ role: 'dx_office', unitId: 'D1', subtree: false }]);
const repC1 = actor('rep_c1', [{ role: 'unit_reporter', unitId: 'C1', subtree: false }]);

type G = [RoleGrant['role'], UnitRef, subtree?: boolean];
const account = (id: string, grants: G[] = [], extra: Partial<UserRef> = {}): UserRef => ({
  id,
  createdBy: null,
  grants: grants.map(([role, unit, subtree = false]) => ({ role, unitId: unit.id, subtree, unit })),
  ...extra,
});
const all = { read: true, update: true, assignRoles: true, deactivate: true };
const none = { read: false, update: false, assignRoles: false, deactivate: false };

describe('accounts with roles: managed by whoever manages every unit they reach', () => {
  it('a system administrator manages every account', () => {
    for (const u of [
      account('x', [['unit_reporter', C1]]),
      account('y', [['unit_reporter', C3]]),
      account('z', [['system_admin', P]]),
      account('n'),
    ]) {
      expect(userAbilities(admin, u)).toEqual(all);
    }
  });
  it('a district office manages an account whose every role lies within its district', () => {
    expect(
      userAbilities(
        cxVhtt,
        account('x', [
          ['unit_reporter', C1],
          ['unit_leader', D1],
        ]),
      ),
    ).toEqual(all);
  });
  it('one role outside the district is enough to put the account out of the district office’s hands', () => {
    expect(userAbilities(cxVhtt, account('y', [['unit_reporter', C3]]))).toEqual(none);
    expect(
      userAbilities(
        cxVhtt,
        account('w', [
          ['unit_reporter', C1],
          ['viewer', C3],
        ]),
      ),
    ).toEqual(none);
    expect(userAbilities(cxVhtt, account('p', [['viewer', P, true]]))).toEqual(none);
  });
  it('a role on the district’s whole subtree is managed by an office holding its role on that subtree', () => {
    expect(managesAccount(cxVhtt, account('v', [['viewer', D1, true]]))).toBe(true);
  });
  it('boundary: an office holding its role on D1 alone manages a role on D1 alone, not one on D1’s subtree nor below D1', () => {
    expect(managesAccount(d1Only, account('a', [['unit_leader', D1]]))).toBe(true);
    expect(managesAccount(d1Only, account('b', [['viewer', D1, true]]))).toBe(false);
    expect(managesAccount(d1Only, account('c', [['unit_reporter', C1]]))).toBe(false);
  });
  it('nobody but a system administrator manages a system administrator, even one on a unit they reach', () => {
    expect(userAbilities(sotttt, account('z', [['system_admin', P]]))).toEqual(none);
    expect(userAbilities(cxVhtt, account('a', [['system_admin', C1]]))).toEqual(none);
  });
});

describe('accounts that reach nothing yet: their creator and system administrators only', () => {
  const createdBySotttt = account('new', [], { createdBy: 'sotttt' });
  it('the province office that created it manages it', () => {
    expect(userAbilities(sotttt, createdBySotttt)).toEqual(all);
  });
  it('a district office did not create it and does not manage it, though it reaches no unit outside the district (issue 11)', () => {
    expect(userAbilities(cxVhtt, createdBySotttt)).toEqual(none);
  });
  it('nor does the province office manage one a district office created', () => {
    expect(userAbilities(sotttt, account('new2', [], { createdBy: 'cx.vhtt' }))).toEqual(none);
    expect(userAbilities(cxVhtt, account('new2', [], { createdBy: 'cx.vhtt' }))).toEqual(all);
  });
  it('an account with no recorded creator (command line, seed, older data) is managed by system administrators only', () => {
    expect(userAbilities(sotttt, account('old'))).toEqual(none);
    expect(userAbilities(admin, account('old'))).toEqual(all);
  });
  it('a creator who no longer holds an office role no longer manages it', () => {
    const formerOffice = actor('former', [{ role: 'viewer', unitId: 'P', subtree: true }]);
    expect(managesAccount(formerOffice, account('new3', [], { createdBy: 'former' }))).toBe(false);
  });
  it('once it has a role, the ordinary rule applies and the creator’s privilege ends', () => {
    expect(managesAccount(cxVhtt, account('grown', [['viewer', P, true]], { createdBy: 'cx.vhtt' }))).toBe(false);
    expect(managesAccount(sotttt, account('grown', [['viewer', P, true]], { createdBy: 'cx.vhtt' }))).toBe(true);
  });
});

describe('council seats reach the campaign owner’s whole subtree, like a role', () => {
  it('an account sitting on the province’s council is out of a district office’s hands', () => {
    const member = account('m', [['unit_reporter', C1]], { councilSeats: [P] });
    expect(managesAccount(cxVhtt, member)).toBe(false);
    expect(managesAccount(sotttt, member)).toBe(true);
  });
  it('a seat alone makes the account reach something: its creator’s privilege does not apply', () => {
    expect(managesAccount(cxVhtt, account('s', [], { createdBy: 'cx.vhtt', councilSeats: [P] }))).toBe(false);
    expect(managesAccount(cxVhtt, account('s2', [], { createdBy: 'sotttt', councilSeats: [D1] }))).toBe(true);
  });
});

describe('one’s own account', () => {
  it('is read, never managed here: no role changes, no deactivation, no reset through the accounts routes', () => {
    expect(userAbilities(admin, account('admin', [['system_admin', P]]))).toMatchObject({
      read: true,
      assignRoles: false,
      deactivate: false,
    });
    expect(userAbilities(sotttt, account('sotttt', [['dx_office', P, true]]))).toEqual({ ...none, read: true });
    expect(userAbilities(repC1, account('rep_c1', [['unit_reporter', C1]]))).toEqual({ ...none, read: true });
  });
  it('anyone without an office role reads only their own account', () => {
    expect(userAbilities(repC1, account('n', [], { createdBy: 'rep_c1' }))).toEqual(none);
  });
});

describe('canGrantRole', () => {
  it('a DX office never grants system_admin, not even in its own subtree', () => {
    expect(canGrantRole(sotttt, 'system_admin', C1, false)).toBe(false);
  });
  it('a DX office grants every other role on the units it manages, and none elsewhere', () => {
    for (const role of ROLES.filter((r) => r !== 'system_admin')) {
      expect(canGrantRole(cxVhtt, role, C1, false)).toBe(true);
      expect(canGrantRole(cxVhtt, role, D1, true)).toBe(true);
      expect(canGrantRole(cxVhtt, role, C3, false)).toBe(false);
      expect(canGrantRole(cxVhtt, role, P, false)).toBe(false);
    }
  });
  it('boundary: a role over a subtree needs the granter’s role over that subtree', () => {
    expect(canGrantRole(d1Only, 'viewer', D1, false)).toBe(true);
    expect(canGrantRole(d1Only, 'viewer', D1, true)).toBe(false);
  });
  it('a system administrator grants any role anywhere; others grant nothing', () => {
    expect(canGrantRole(admin, 'system_admin', C3, true)).toBe(true);
    expect(canGrantRole(repC1, 'viewer', C1, false)).toBe(false);
  });
});
