// API tokens are for other systems, never for people: each token has ONE scope naming what it may do,
// and every route lists the scopes that may call it (route config `tokenScopes`); a token calling any
// other route is refused. No scope reaches accounts, roles, tokens or passwords, so a token can never
// manage tokens or accounts, whatever its owner's roles. Within its scope a token acts with its owner's
// rights, and only while the owner still holds one of the roles the scope needs.
import { type Actor, holdsAnyRole } from './actor.ts';
import type { Role } from './roles.ts';

export const TOKEN_SCOPES = [
  /** Supply figures to open campaigns (the province's one-stop-shop system, a specialised agency). */
  'figures:write',
  /** Read campaigns, results, published snapshots, dashboards, and export result files. */
  'results:read',
] as const;

export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** The roles of which the owner must hold at least one for the scope to be issued and to keep working. */
export const SCOPE_ROLES: Record<TokenScope, readonly Role[]> = {
  'figures:write': ['system_admin', 'dx_office', 'data_supplier'],
  'results:read': ['system_admin', 'dx_office', 'viewer', 'support_team', 'council_member', 'council_chair'],
};

export function isTokenScope(value: string): value is TokenScope {
  return (TOKEN_SCOPES as readonly string[]).includes(value);
}

/** Whether the owner (as an actor) holds a role the scope needs. */
export function ownerHoldsScope(owner: Actor, scope: TokenScope): boolean {
  return holdsAnyRole(owner, SCOPE_ROLES[scope]);
}

/** The token's lifetime: the default when none is asked; more than the maximum is refused, not clamped. */
export function tokenExpiry(
  now: Date,
  requestedDays: number | undefined,
  limits: { defaultDays: number; maxDays: number },
): Date | 'too_long' {
  const days = requestedDays ?? limits.defaultDays;
  if (days > limits.maxDays) return 'too_long';
  return new Date(now.getTime() + days * 86_400_000);
}

/** A token is usable when not revoked and not expired (expiry instant itself excluded). */
export function tokenUsable(token: { revokedAt: Date | null; expiresAt: Date }, now: Date): boolean {
  return token.revokedAt === null && now.getTime() < token.expiresAt.getTime();
}
