// Who may read and write index sets. A set belongs to the unit that issued it: the province's sets are
// written by the province's DX office (and system administrators), a district's by the district office or
// the province above it; a district office never writes the province's sets. Everyone signed in reads
// published and archived versions; drafts are for DX offices. A version a running campaign is pinned on
// cannot be archived.
import { describe, expect, it } from 'vitest';
import type { CampaignStatus } from '../../../src/core/campaign/index.ts';
import type { FrameworkStatus } from '../../../src/core/framework/index.ts';
import {
  type Actor,
  type FrameworkRef,
  type Role,
  type UnitRef,
  campaignKeepsFrameworkInUse,
  canIssueFrameworkFor,
  canManageFrameworks,
  canReadFrameworkStatus,
  frameworkAbilities,
} from '../../../src/core/policy/index.ts';

// Province P → district D1 → commune C1; district D2.
const P: UnitRef = { id: 'P', ancestry: ['P'] };
const D1: UnitRef = { id: 'D1', ancestry: ['P', 'D1'] };
const D2: UnitRef = { id: 'D2', ancestry: ['P', 'D2'] };
const C1: UnitRef = { id: 'C1', ancestry: ['P', 'D1', 'C1'] };

const on = (unit: UnitRef, ...roles: Role[]): Actor => ({
  userId: 'u',
  grants: roles.map((role) => ({ role, unitId: unit.id, subtree: role !== 'unit_reporter' })),
});
const provinceOffice = on(P, 'dx_office');
const districtOffice = on(D1, 'dx_office');
const admin = on(P, 'system_admin');
const fw = (owner: UnitRef, status: FrameworkStatus, openCampaigns: { name: string }[] = []): FrameworkRef => ({
  owner,
  status,
  openCampaigns,
});
const writes = (a: ReturnType<typeof frameworkAbilities>) => [
  a.update,
  a.publish,
  a.archive,
  a.createVersion,
  a.delete,
  a.confirmMapping,
];
const NON_OFFICE_ROLES = [
  'unit_reporter',
  'unit_leader',
  'support_team',
  'council_member',
  'council_chair',
  'viewer',
  'data_supplier',
] as const;

describe('framework policy: who writes a set', () => {
  it('the province DX office writes the province’s sets: edits, publishes and deletes drafts, archives published versions, versions anything', () => {
    expect(frameworkAbilities(provinceOffice, fw(P, 'draft'))).toEqual({
      read: true,
      update: true,
      publish: true,
      archive: false,
      createVersion: true,
      delete: true,
      confirmMapping: true,
    });
    expect(frameworkAbilities(provinceOffice, fw(P, 'published'))).toEqual({
      read: true,
      update: false,
      publish: false,
      archive: true,
      createVersion: true,
      delete: false,
      confirmMapping: true,
    });
    expect(frameworkAbilities(provinceOffice, fw(P, 'archived'))).toEqual({
      read: true,
      update: false,
      publish: false,
      archive: false,
      createVersion: true,
      delete: false,
      confirmMapping: true,
    });
  });

  it('a district DX office reads the province’s sets (drafts too) but writes none of them, whatever the status', () => {
    for (const status of ['draft', 'published', 'archived'] as const) {
      const a = frameworkAbilities(districtOffice, fw(P, status));
      expect(a.read, status).toBe(true);
      expect(writes(a).some(Boolean), status).toBe(false);
    }
  });

  it('a district DX office writes its own district’s sets; the province office above it does too', () => {
    expect(frameworkAbilities(districtOffice, fw(D1, 'draft'))).toMatchObject({
      update: true,
      publish: true,
      delete: true,
    });
    expect(frameworkAbilities(districtOffice, fw(D1, 'published'))).toMatchObject({
      archive: true,
      createVersion: true,
      confirmMapping: true,
    });
    expect(frameworkAbilities(provinceOffice, fw(D1, 'draft'))).toMatchObject({ update: true, delete: true });
  });

  it('a district DX office does not write another district’s sets', () => {
    expect(writes(frameworkAbilities(districtOffice, fw(D2, 'draft'))).some(Boolean)).toBe(false);
    expect(writes(frameworkAbilities(districtOffice, fw(D2, 'published'))).some(Boolean)).toBe(false);
  });

  it('an office held on the unit only (not its subtree) writes that unit’s sets, not those of the units below', () => {
    const onlyD1: Actor = { userId: 'u', grants: [{ role: 'dx_office', unitId: 'D1', subtree: false }] };
    expect(frameworkAbilities(onlyD1, fw(D1, 'draft')).update).toBe(true);
    expect(frameworkAbilities(onlyD1, fw(C1, 'draft')).update).toBe(false);
  });

  it('a system administrator writes every set', () => {
    for (const owner of [P, D1, D2]) expect(frameworkAbilities(admin, fw(owner, 'draft')).delete).toBe(true);
  });

  it('nobody else writes any set, whatever the status; they read published and archived versions only', () => {
    for (const role of NON_OFFICE_ROLES) {
      for (const status of ['draft', 'published', 'archived'] as const) {
        const a = frameworkAbilities(on(P, role), fw(P, status));
        expect(a.read, `${role}/${status}`).toBe(status !== 'draft');
        expect(writes(a).some(Boolean), `${role}/${status}`).toBe(false);
      }
    }
  });
});

describe('framework policy: issuing new sets', () => {
  it('any DX office may issue sets, each for a unit its role reaches: a district office for its district, never for the province', () => {
    expect(canManageFrameworks(districtOffice)).toBe(true);
    expect(canIssueFrameworkFor(districtOffice, D1)).toBe(true);
    expect(canIssueFrameworkFor(districtOffice, P)).toBe(false);
    expect(canIssueFrameworkFor(districtOffice, D2)).toBe(false);
    expect(canIssueFrameworkFor(provinceOffice, P)).toBe(true);
    expect(canIssueFrameworkFor(provinceOffice, D2)).toBe(true);
    expect(canIssueFrameworkFor(admin, P)).toBe(true);
  });

  it('holders of other roles issue nothing', () => {
    for (const role of NON_OFFICE_ROLES) {
      expect(canManageFrameworks(on(P, role)), role).toBe(false);
      expect(canIssueFrameworkFor(on(P, role), P), role).toBe(false);
    }
    expect(canManageFrameworks({ userId: 'u', grants: [] })).toBe(false);
    expect(canManageFrameworks(on(P, 'viewer', 'dx_office'))).toBe(true);
  });
});

describe('framework policy: reading', () => {
  it('drafts are visible to DX offices and administrators only; published and archived versions to every signed-in user', () => {
    expect(canReadFrameworkStatus(on(C1, 'unit_reporter'), 'draft')).toBe(false);
    expect(canReadFrameworkStatus({ userId: 'u', grants: [] }, 'published')).toBe(true);
    expect(canReadFrameworkStatus(on(P, 'viewer'), 'archived')).toBe(true);
    expect(canReadFrameworkStatus(districtOffice, 'draft')).toBe(true);
  });
});

describe('framework policy: a set in use is not archived', () => {
  it('a published version pinned by a running campaign cannot be archived, even by its owner or an administrator', () => {
    const running = [{ name: 'Đánh giá DTI năm 2026' }];
    expect(frameworkAbilities(provinceOffice, fw(P, 'published', running)).archive).toBe(false);
    expect(frameworkAbilities(admin, fw(P, 'published', running)).archive).toBe(false);
    // Everything else stays possible: a new version is how a set in use is revised.
    expect(frameworkAbilities(provinceOffice, fw(P, 'published', running))).toMatchObject({
      createVersion: true,
      confirmMapping: true,
    });
  });

  it('a campaign keeps its versions in use until its results are published (a draft campaign too: it could no longer open)', () => {
    const statuses: [CampaignStatus, boolean][] = [
      ['draft', true],
      ['open', true],
      ['self_assessment_closed', true],
      ['under_appraisal', true],
      ['approved', true],
      ['published', false],
      ['archived', false],
    ];
    for (const [status, inUse] of statuses) expect(campaignKeepsFrameworkInUse(status), status).toBe(inUse);
  });
});
