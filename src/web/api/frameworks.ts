// Index-set hooks: list, detail, create/import, save (optimistic concurrency), publish/archive/delete,
// versions, mapping between versions.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFileWithProgress } from './client.ts';
import type { Paginated } from '../../contract/common.ts';
import type { FrameworkDetail, FrameworkSummary, MappingResponse } from '../../contract/frameworks.ts';
import type { FrameworkDefinition, FrameworkStatus } from '../../core/framework/index.ts';

export const FRAMEWORKS_KEY = ['frameworks'] as const;

const path = (id: string, rest = '') => `/frameworks/${encodeURIComponent(id)}${rest}`;

/** The list's filters as the page keeps them (sent as the query of GET /frameworks). */
export interface FrameworkListParams {
  q: string;
  status: FrameworkStatus | '';
  latest: boolean;
  page: number;
  pageSize: number;
}

export function useFrameworks(p: FrameworkListParams) {
  return useQuery({
    queryKey: [...FRAMEWORKS_KEY, 'list', p],
    queryFn: () =>
      api<Paginated<FrameworkSummary>>('/frameworks', {
        query: { q: p.q, status: p.status, latest: p.latest ? 'true' : undefined, page: p.page, pageSize: p.pageSize },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useFramework(id: string | null) {
  return useQuery({
    queryKey: [...FRAMEWORKS_KEY, 'detail', id],
    queryFn: () => api<FrameworkDetail>(path(id ?? '')),
    enabled: !!id,
    staleTime: Infinity,
  });
}

/** GET /frameworks/{id}/versions; accepts a bare array or a list envelope. */
export function useFrameworkVersions(id: string | null) {
  return useQuery({
    queryKey: [...FRAMEWORKS_KEY, 'versions', id],
    queryFn: async () => {
      const r = await api<FrameworkSummary[] | { items: FrameworkSummary[] }>(path(id ?? '', '/versions'));
      const items = Array.isArray(r) ? r : r.items;
      return [...items].sort((a, b) => b.version - a.version);
    },
    enabled: !!id,
  });
}

export function useFrameworkMapping(fromId: string | null, toId: string | null) {
  return useQuery({
    queryKey: [...FRAMEWORKS_KEY, 'mapping', fromId, toId],
    queryFn: () => api<MappingResponse>(path(fromId ?? '', '/mapping'), { query: { to: toId } }),
    enabled: !!fromId && !!toId,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: FRAMEWORKS_KEY });
}

export function useCreateFramework() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (definition: FrameworkDefinition) =>
      api<FrameworkSummary>('/frameworks', { method: 'POST', body: { definition } }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useImportFramework(onProgress: (percent: number) => void) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) =>
      uploadFileWithProgress<FrameworkSummary & { warnings?: unknown[] }>('/frameworks/import', file, onProgress),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useSaveFramework() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, definition, version }: { id: string; definition: FrameworkDefinition; version: number }) =>
      api<FrameworkDetail>(path(id), { method: 'PUT', body: { definition, version } }),
    meta: { silent: true },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: FRAMEWORKS_KEY });
    },
  });
}

/** publish | archive | versions (create a new version) — POST without a body. */
export function useFrameworkAction(action: 'publish' | 'archive' | 'versions') {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<FrameworkSummary>(path(id, `/${action}`), { method: 'POST', body: {} }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useDeleteFramework() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(path(id), { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...FRAMEWORKS_KEY, 'list'] }),
  });
}

export function useSaveMapping() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      fromId,
      toId,
      pairs,
    }: {
      fromId: string;
      toId: string;
      pairs: { fromCode: string; toCode: string }[];
    }) => api<unknown>(path(fromId, '/mapping'), { method: 'PUT', query: { to: toId }, body: { pairs } }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

/** Row version to send with PUT (as `version`). */
export function rowVersionOf(f: FrameworkSummary): number {
  return f.rowVersion;
}
