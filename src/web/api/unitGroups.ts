// Unit group hooks.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { UnitGroup, UnitGroupDetail, UnitGroupList } from '../../contract/unit-groups.ts';

const KEY = ['unit-groups'] as const;

export function useUnitGroups(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'list', page, pageSize],
    queryFn: () => api<UnitGroupList>('/unit-groups', { query: { page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useUnitGroup(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: () => api<UnitGroupDetail>(`/unit-groups/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: KEY });
    void qc.invalidateQueries({ queryKey: ['org-units', 'detail'] });
  };
}

export function useSaveGroup() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: { id?: string; code?: string; name: string; description?: string | null }) =>
      id
        ? api<UnitGroup>(`/unit-groups/${encodeURIComponent(id)}`, {
            method: 'PATCH',
            body: { name: body.name, description: body.description },
          })
        : api<UnitGroup>('/unit-groups', { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useSetGroupMembers() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, unitIds }: { id: string; unitIds: string[] }) =>
      api<unknown>(`/unit-groups/${encodeURIComponent(id)}/members`, { method: 'PUT', body: { unitIds } }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useDeleteGroup() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/unit-groups/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
