// API tokens of an account (for other systems): list, create with a scope and a lifetime (the value shown
// once), revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

import type { ApiToken, CreatedToken, TokenList, TokenScope } from '../../contract/tokens.ts';

export type { ApiToken, CreatedToken, TokenList, TokenScope };

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
