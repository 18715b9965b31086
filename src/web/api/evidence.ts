// Evidence (tài liệu kiểm chứng) hooks: the unit's library and uploads with a progress bar.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, api, uploadFileWithProgress } from './client.ts';
import type { Paginated } from '../../contract/common.ts';
import type { Evidence } from '../../contract/evidence.ts';

export const EVIDENCE_KEY = ['evidence'] as const;

const unitPath = (unitId: string, rest = '') => `/units/${encodeURIComponent(unitId)}/evidence${rest}`;

/** The unit's whole library (first 500 documents), used to show attached files and pick from. */
export function useEvidenceLibrary(unitId: string | undefined, q = '') {
  return useQuery({
    queryKey: [...EVIDENCE_KEY, unitId, q],
    queryFn: () => api<Paginated<Evidence>>(unitPath(unitId ?? ''), { query: { q, pageSize: 500 } }),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
}

export function uploadEvidence(unitId: string, file: File, onProgress: (percent: number) => void): Promise<Evidence> {
  return uploadFileWithProgress<Evidence>(unitPath(unitId), file, onProgress);
}

export function useInvalidateEvidence() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: EVIDENCE_KEY });
}

/** Puts a just-uploaded document into the cached libraries so it shows at once (the refetch follows). */
export function useAddToLibrary() {
  const qc = useQueryClient();
  return (e: Evidence) =>
    qc.setQueriesData<Paginated<Evidence>>({ queryKey: [...EVIDENCE_KEY, e.unitId] }, (old) =>
      old && !old.items.some((x) => x.id === e.id) ? { ...old, items: [e, ...old.items], total: old.total + 1 } : old,
    );
}

export function evidenceDownloadUrl(id: string): string {
  return `${API_BASE}/evidence/${encodeURIComponent(id)}/download`;
}

export function evidencePreviewUrl(id: string): string {
  return `${API_BASE}/evidence/${encodeURIComponent(id)}/preview`;
}
