// Dashboards, what-if and export jobs (/api/v1).
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { DistrictPage, Overview, UnitDashboard } from '../../contract/dashboard-pages.ts';
import type { ExportJob, ExportKind } from '../../contract/exports.ts';
import type { WhatIfBody, WhatIfResult } from '../../contract/dashboards.ts';
import type { DerivedRankingList } from '../../contract/derived-ranking.ts';

const KEY = ['dashboards'] as const;

export function useOverview() {
  return useQuery({ queryKey: [...KEY, 'overview'], queryFn: () => api<Overview>('/dashboards/overview') });
}

export function useDistrict(unitId: string | undefined, campaignId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'district', unitId, campaignId],
    queryFn: () => api<DistrictPage>(`/dashboards/district/${unitId ?? ''}`, { query: { campaignId } }),
    enabled: !!unitId,
  });
}

export function useUnitDashboard(unitId: string | undefined, campaignId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'unit', unitId, campaignId],
    queryFn: () => api<UnitDashboard>(`/dashboards/unit/${unitId ?? ''}`, { query: { campaignId } }),
    enabled: !!unitId,
  });
}

export function useWhatIf(campaignId: string) {
  return useMutation({
    mutationFn: (v: WhatIfBody) => api<WhatIfResult>(`/campaigns/${campaignId}/what-if`, { method: 'POST', body: v }),
    meta: { silent: true },
  });
}

export const startExport = (campaignId: string, kind: ExportKind, unitId?: string) =>
  api<{ jobId: string }>(`/campaigns/${campaignId}/exports`, {
    method: 'POST',
    body: { kind, ...(unitId ? { unitId } : {}) },
  });

export const exportJob = (jobId: string) => api<ExportJob>(`/jobs/${jobId}`);

/** The derived ranking of today's units for a published campaign on a former structure (issue 15 §2). */
export function useDerivedRanking(campaignId: string | undefined, enabled: boolean, asOf?: string | null) {
  return useQuery({
    queryKey: [...KEY, 'derived', campaignId, asOf ?? null],
    queryFn: () =>
      api<DerivedRankingList>(`/campaigns/${campaignId ?? ''}/derived-ranking`, { query: { asOf: asOf ?? null } }),
    enabled: !!campaignId && enabled,
  });
}
