// Campaign (kỳ đánh giá) hooks: list, detail, create from preset, edit while draft, transitions, progress
// rounds and the progress page.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from './client.ts';
import type { Paginated } from '../../contract/common.ts';
import type { FiguresResult } from '../../contract/figures.ts';
import type { CampaignRules } from '../../core/campaign/index.ts';
import type {
  Campaign,
  CampaignProgress,
  FromPresetBody,
  GroupPatch,
  TransitionCheck,
} from '../../contract/campaigns.ts';

export const CAMPAIGNS_KEY = ['campaigns'] as const;

const path = (id: string, rest = '') => `/campaigns/${encodeURIComponent(id)}${rest}`;

export function useCampaigns(p: { year?: number | null; status?: string | null; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'list', p],
    queryFn: () =>
      api<Paginated<Campaign> & { abilities?: { create: boolean } }>('/campaigns', {
        query: { year: p.year, status: p.status, page: p.page, pageSize: p.pageSize },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'detail', id],
    queryFn: () => api<Campaign>(path(id ?? '')),
    enabled: !!id,
  });
}

export function useCampaignProgress(id: string | undefined, p: { groupId?: string | null; status?: string | null }) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'progress', id, p],
    queryFn: () =>
      api<CampaignProgress>(path(id ?? '', '/progress'), { query: { groupId: p.groupId, status: p.status } }),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
}

export function useCreateFromPreset() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: FromPresetBody) => api<Campaign>('/campaigns/from-preset', { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function usePatchCampaign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; name?: string; rules?: CampaignRules; rowVersion: number }) =>
      api<Campaign>(path(id), { method: 'PATCH', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useSaveCampaignGroup() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, groupId, patch }: { id: string; groupId: string; patch: GroupPatch }) =>
      api<Campaign>(path(id, `/groups/${encodeURIComponent(groupId)}`), { method: 'PUT', body: patch }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useTransitionCheck(id: string, action: string | null) {
  const checked = action === 'open' || action === 'close_self_assessment';
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'transition-check', id, action],
    queryFn: () => api<TransitionCheck>(path(id, '/transitions/check'), { query: { action } }),
    enabled: checked,
    staleTime: 0,
  });
}

export function useTransition() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      action,
      reason,
      deadlines,
    }: {
      id: string;
      action: string;
      reason?: string;
      deadlines?: { groupId: string; selfAssessment: string }[];
    }) => api<Campaign>(path(id, '/transitions'), { method: 'POST', body: { action, reason, deadlines } }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useCreateProgressRounds() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, months }: { id: string; months?: number[] }) =>
      api<{ created: Campaign[] }>(path(id, '/progress-rounds'), { method: 'POST', body: months ? { months } : {} }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useDeleteCampaign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<void>(path(id), { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** "Gửi nhắc nhở ngay": queues a reminder scan for the units that have not submitted. */
export function useSendReminders() {
  return useMutation({
    mutationFn: (id: string) =>
      api<{ queued: number; jobId: string }>(path(id, '/reminders'), { method: 'POST', body: {} }),
    meta: { silent: true },
  });
}

/** Figures from another system in a .xlsx/.csv file (all or nothing; 422 with row problems). */
export function useImportFigures(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) => uploadFile<FiguresResult>(path(id, '/figures/import'), file),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}
