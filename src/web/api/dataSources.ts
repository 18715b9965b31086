// Data source hooks (issue 15 §3): profiles, sources, save, run now, runs, unknown identifiers, mapping.
import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type {
  DataSource,
  DataSourceBody,
  DataSourceProfile,
  DataSourceRun,
  DataSourceUpdateBody,
  UnknownIdentifiers,
} from '../../contract/data-sources.ts';

const KEY = ['data-sources'] as const;
const path = (id: string, rest = '') => `/data-sources/${encodeURIComponent(id)}${rest}`;

export function useSourceProfiles() {
  return useQuery({
    queryKey: [...KEY, 'profiles'],
    queryFn: () => api<{ items: DataSourceProfile[] }>('/data-source-profiles'),
    staleTime: Infinity,
  });
}

const pending = (r: DataSourceRun | null | undefined) => r?.status === 'queued' || r?.status === 'running';

/** The office's sources; polled while a latest run is queued or running. */
export function useDataSources() {
  return useQuery({
    queryKey: [...KEY, 'list'],
    queryFn: () => api<{ items: DataSource[] }>('/data-sources'),
    refetchInterval: (q) => (q.state.data?.items.some((s) => pending(s.lastRun)) ? 2000 : false),
  });
}

/** Runs of a source; polled while one is queued or running. */
export function useSourceRuns(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'runs', id],
    queryFn: () => api<{ items: DataSourceRun[] }>(path(id ?? '', '/runs')),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.items.some(pending) ? 2000 : false),
  });
}

/**
 * The source list's latest run and the panel's runs are two polls of the same run: when one has seen it
 * change and the other not, both are read again — the page never shows one run in two states (before, it
 * could for up to one polling interval, 2 s). `fromRuns` is undefined until the runs are loaded.
 */
export function useLatestRunAgreement(
  sourceId: string,
  fromList: DataSourceRun | null,
  fromRuns: DataSourceRun | null | undefined,
) {
  const qc = useQueryClient();
  const asked = useRef('');
  const list = stateOf(fromList);
  const runs = fromRuns === undefined ? list : stateOf(fromRuns);
  useEffect(() => {
    const pair = `${list}|${runs}`;
    if (list === runs || asked.current === pair) return; // agreed, or already asked for this disagreement
    asked.current = pair;
    void qc.invalidateQueries({ queryKey: [...KEY, 'list'] });
    void qc.invalidateQueries({ queryKey: [...KEY, 'runs', sourceId] });
  }, [qc, sourceId, list, runs]);
}

const stateOf = (r: DataSourceRun | null) => (r ? `${r.id}:${r.status}` : 'none');

/** Unknown identifiers of the latest run that read records (`afterRun`: refetched once a newer run finished). */
export function useUnknownUnits(id: string | null, afterRun: string | null) {
  return useQuery({
    queryKey: [...KEY, 'unknown', id, afterRun],
    queryFn: () => api<UnknownIdentifiers>(path(id ?? '', '/unknown-units')),
    enabled: !!id,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: KEY });
}

export function useSaveSource() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; body: DataSourceUpdateBody } | { id?: undefined; body: DataSourceBody }) =>
      v.id
        ? api<DataSource>(path(v.id), { method: 'PUT', body: v.body })
        : api<DataSource>('/data-sources', { method: 'POST', body: v.body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useRunSource() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, period }: { id: string; period?: string }) =>
      api<DataSourceRun>(path(id, '/runs'), { method: 'POST', body: period ? { period } : {} }),
    onSuccess: invalidate,
  });
}

export function useMapUnits() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, entries }: { id: string; entries: { sourceUnitId: string; unitId: string | null }[] }) =>
      api<DataSource>(path(id, '/unit-mapping'), { method: 'POST', body: { entries } }),
    onSuccess: invalidate,
  });
}
