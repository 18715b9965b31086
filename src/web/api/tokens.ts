// API tokens of an account (for other systems): list, create with a scope and a lifetime (the value shown
// once), revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

/** Scope codes (server: core/policy/token-scopes.ts); labels in i18n `tok.scope.<code>`. */
export type TokenScope = 'figures:write' | 'results:read';

/** manual | password_changed | password_reset | role_lost | account_disabled; labels in i18n `tok.reason.<code>`. */
export type RevokedReason = string;

export interface ApiToken {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedReason: RevokedReason | null;
  active: boolean;
}

export interface TokenList {
  items: ApiToken[];
  /** Each scope and whether the account holds a role for it. */
  scopes: { scope: TokenScope; available: boolean }[];
  defaultDays: number;
  maxDays: number;
}

export interface CreatedToken {
  id: string;
  name: string;
  scope: TokenScope;
  token: string;
  createdAt: string;
  expiresAt: string;
}

const key = (userId: string) => ['users', userId, 'tokens'] as const;
const path = (userId: string, rest = '') => `/users/${encodeURIComponent(userId)}/tokens${rest}`;

export function useTokens(userId: string) {
  return useQuery({ queryKey: key(userId), queryFn: () => api<TokenList>(path(userId)) });
}

export function useCreateToken(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scope: TokenScope; expiresInDays: number }) =>
      api<CreatedToken>(path(userId), { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: key(userId) }),
  });
}

export function useRevokeToken(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => api<void>(path(userId, `/${encodeURIComponent(tokenId)}`), { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(userId) }),
  });
}
