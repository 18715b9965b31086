// The competent authority of each part of a campaign, its delegations, and publishing one's own part
// (issue 13 §2): GET /campaigns/{id}/authorities, POST …/delegations, POST …/delegations/{id}/revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AuthoritiesView, DelegationInput, DelegationView } from '../../contract/delegations.ts';

const key = (campaignId: string) => ['appraisal-admin', 'authorities', campaignId] as const;
const base = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

export function useAuthorities(campaignId: string | undefined) {
  return useQuery({
    queryKey: key(campaignId ?? ''),
    queryFn: () => api<AuthoritiesView>(`${base(campaignId ?? '')}/authorities`),
    enabled: !!campaignId,
  });
}

function useDelegationMutation<V>(campaignId: string, fn: (v: V) => Promise<DelegationView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: key(campaignId) }),
  });
}

export function useRecordDelegation(campaignId: string) {
  return useDelegationMutation(campaignId, (body: DelegationInput) =>
    api<DelegationView>(`${base(campaignId)}/delegations`, { method: 'POST', body }),
  );
}

export function useRevokeDelegation(campaignId: string) {
  return useDelegationMutation(campaignId, ({ id, reason }: { id: string; reason: string }) =>
    api<DelegationView>(`${base(campaignId)}/delegations/${encodeURIComponent(id)}/revoke`, {
      method: 'POST',
      body: { reason },
    }),
  );
}
