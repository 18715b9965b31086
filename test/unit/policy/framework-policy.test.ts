// Who may read and manage index sets: managers (system administrators, DX offices at any level) do
// everything their state allows; everyone else reads published and archived versions only.
import { describe, expect, it } from 'vitest';
import { canManageFrameworks, canReadFrameworkStatus, frameworkAbilities, type Actor, type Role } from '../../../src/core/policy/index.ts';
import type { FrameworkStatus } from '../../../src/core/framework/index.ts';

const actor = (...roles: Role[]): Actor => ({ userId: 'u', grants: roles.map((role) => ({ role, unitId: 'unit-1', subtree: role !== 'unit_reporter' })) });
const STATUSES: FrameworkStatus[] = ['draft', 'published', 'archived'];

describe('framework policy', () => {
  it('system administrators and DX offices (even of a district) manage index sets; nobody else does', () => {
    expect(canManageFrameworks(actor('system_admin'))).toBe(true);
    expect(canManageFrameworks(actor('dx_office'))).toBe(true);
    for (const role of ['unit_reporter', 'unit_leader', 'support_team', 'council_member', 'council_chair', 'viewer'] as const) {
      expect(canManageFrameworks(actor(role)), role).toBe(false);
    }
    expect(canManageFrameworks(actor())).toBe(false);
    expect(canManageFrameworks(actor('viewer', 'dx_office'))).toBe(true);
  });

  it('drafts are visible to managers only; published and archived versions to every signed-in user', () => {
    expect(canReadFrameworkStatus(actor('unit_reporter'), 'draft')).toBe(false);
    expect(canReadFrameworkStatus(actor(), 'published')).toBe(true);
    expect(canReadFrameworkStatus(actor('viewer'), 'archived')).toBe(true);
    expect(canReadFrameworkStatus(actor('dx_office'), 'draft')).toBe(true);
  });

  it('a manager edits, publishes and deletes drafts only; archives published versions; versions anything', () => {
    const m = actor('dx_office');
    expect(frameworkAbilities(m, { status: 'draft' })).toEqual({
      read: true, update: true, publish: true, archive: false, createVersion: true, delete: true, confirmMapping: true,
    });
    expect(frameworkAbilities(m, { status: 'published' })).toEqual({
      read: true, update: false, publish: false, archive: true, createVersion: true, delete: false, confirmMapping: true,
    });
    expect(frameworkAbilities(m, { status: 'archived' })).toEqual({
      read: true, update: false, publish: false, archive: false, createVersion: true, delete: false, confirmMapping: true,
    });
  });

  it('non-managers never get a write ability, whatever the status', () => {
    for (const role of ['unit_reporter', 'unit_leader', 'support_team', 'council_member', 'council_chair', 'viewer'] as const) {
      for (const status of STATUSES) {
        const a = frameworkAbilities(actor(role), { status });
        expect(a.read).toBe(status !== 'draft');
        expect([a.update, a.publish, a.archive, a.createVersion, a.delete, a.confirmMapping].some(Boolean), `${role}/${status}`).toBe(false);
      }
    }
  });
});
