// Organisation unit hooks (GET /org-units returns the whole visible tree as a flat list).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from './client.ts';
import type {
  CreateUnitBody,
  LineageBasis,
  LineageChangeResult,
  LineageRemoval,
  OrgUnit,
  OrgUnitDetail,
  OrgUnitList,
  UpdateUnitBody,
} from '../../contract/org-units.ts';

export type { CreateUnitBody, UpdateUnitBody };

export const ORG_UNITS_KEY = ['org-units'] as const;

export function useOrgUnits(enabled = true) {
  return useQuery({
    queryKey: ORG_UNITS_KEY,
    queryFn: () => api<OrgUnitList>('/org-units'),
    staleTime: 60_000,
    enabled,
  });
}

export function useOrgUnit(id: string | null) {
  return useQuery({
    queryKey: [...ORG_UNITS_KEY, 'detail', id],
    queryFn: () => api<OrgUnitDetail>(`/org-units/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

function useInvalidateUnits() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ORG_UNITS_KEY });
}

export function useCreateUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: (body: CreateUnitBody) => api<OrgUnit>('/org-units', { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useUpdateUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUnitBody & { id: string }) =>
      api<OrgUnit>(`/org-units/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useMoveUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ id, parentId, version }: { id: string; parentId: string | null; version: number }) =>
      api<OrgUnit>(`/org-units/${encodeURIComponent(id)}/move`, { method: 'POST', body: { parentId, version } }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useDeactivateUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; reason: string; activeTo?: string }) =>
      api<OrgUnit>(`/org-units/${encodeURIComponent(id)}/deactivate`, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useImportUnits() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: (file: File) => uploadFile<{ created: number; updated: number }>('/org-units/import', file),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

/** A merger, split or rename recorded on a unit (issue 15 §2); the problems come back as codes (lineageProblems). */
export type LineageChangeBody = LineageBasis & {
  kind: 'merger' | 'split' | 'rename';
  unitId: string;
  otherIds: string[];
};

export function useRecordLineage() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ kind, unitId, otherIds, ...basis }: LineageChangeBody) =>
      api<LineageChangeResult>(`/org-units/${encodeURIComponent(unitId)}/lineage/${kind}`, {
        method: 'POST',
        body:
          kind === 'merger'
            ? { predecessorIds: otherIds, ...basis }
            : kind === 'split'
              ? { successorIds: otherIds, ...basis }
              : { predecessorId: otherIds[0], ...basis },
      }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useRemoveLineage() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ unitId, predecessorId, reason }: { unitId: string; predecessorId: string; reason: string }) =>
      api<LineageRemoval>(
        `/org-units/${encodeURIComponent(unitId)}/lineage/${encodeURIComponent(predecessorId)}/remove`,
        { method: 'POST', body: { reason } },
      ),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}
