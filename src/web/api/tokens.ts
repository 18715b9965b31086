// API tokens of an account (for other systems supplying figures): list, create (the value shown once), revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  active: boolean;
}

export interface CreatedToken {
  id: string;
  name: string;
  token: string;
  createdAt: string;
}

const key = (userId: string) => ['users', userId, 'tokens'] as const;
const path = (userId: string, rest = '') => `/users/${encodeURIComponent(userId)}/tokens${rest}`;

export function useTokens(userId: string) {
  return useQuery({ queryKey: key(userId), queryFn: () => api<{ items: ApiToken[] }>(path(userId)) });
}

export function useCreateToken(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<CreatedToken>(path(userId), { method: 'POST', body: { name } }),
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
