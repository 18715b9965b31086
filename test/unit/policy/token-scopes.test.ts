// API token scopes and lifetimes as rules (issue 11, finding 6).
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  SCOPE_ROLES,
  TOKEN_SCOPES,
  ownerHoldsScope,
  tokenExpiry,
  tokenUsable,
} from '../../../src/core/policy/index.ts';

const owner = (...roles: Actor['grants'][number]['role'][]): Actor => ({
  userId: 'u',
  grants: roles.map((role) => ({ role, unitId: 'P', subtree: true })),
});
const now = new Date('2026-12-01T00:00:00Z');
const limits = { defaultDays: 90, maxDays: 365 };

describe('scopes', () => {
  it('two scopes: supplying figures and reading results', () => {
    expect(TOKEN_SCOPES).toEqual(['figures:write', 'results:read']);
  });
  it('supplying figures needs a data supplier, a DX office or a system administrator', () => {
    expect(ownerHoldsScope(owner('data_supplier'), 'figures:write')).toBe(true);
    expect(ownerHoldsScope(owner('dx_office'), 'figures:write')).toBe(true);
    expect(ownerHoldsScope(owner('viewer'), 'figures:write')).toBe(false);
    expect(ownerHoldsScope(owner('unit_reporter'), 'figures:write')).toBe(false);
  });
  it('reading results needs a role that reads results across units; a data supplier alone does not', () => {
    for (const role of [
      'viewer',
      'support_team',
      'council_member',
      'council_chair',
      'dx_office',
      'system_admin',
    ] as const)
      expect(ownerHoldsScope(owner(role), 'results:read')).toBe(true);
    expect(ownerHoldsScope(owner('data_supplier'), 'results:read')).toBe(false);
    expect(ownerHoldsScope(owner(), 'results:read')).toBe(false);
  });
  it('no scope is tied to account or token management: every scope lists only roles, and no role list is empty', () => {
    for (const scope of TOKEN_SCOPES) expect(SCOPE_ROLES[scope].length).toBeGreaterThan(0);
  });
});

describe('lifetime', () => {
  it('the default when none is asked; exactly the maximum is allowed; one day more is refused, not shortened', () => {
    expect(tokenExpiry(now, undefined, limits)).toEqual(new Date('2027-03-01T00:00:00Z'));
    expect(tokenExpiry(now, 365, limits)).toEqual(new Date('2027-12-01T00:00:00Z'));
    expect(tokenExpiry(now, 366, limits)).toBe('too_long');
  });
  it('a token works until its expiry instant, not at it; a revoked one never', () => {
    const expiresAt = new Date('2027-01-01T00:00:00Z');
    expect(tokenUsable({ revokedAt: null, expiresAt }, new Date(expiresAt.getTime() - 1))).toBe(true);
    expect(tokenUsable({ revokedAt: null, expiresAt }, expiresAt)).toBe(false);
    expect(tokenUsable({ revokedAt: now, expiresAt }, now)).toBe(false);
  });
});
