// Campaign appraisal administration: bodies and members, close appraisal per group, approval,
// publication (signed snapshot), snapshots and results.
import type { Bodies, Results, SnapshotList } from '../../contract/appraisal.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Snapshot } from './appraisalTypes.ts';
import type { ApproveInput, MemberInput } from '../../contract/appraisal.ts';

const KEY = ['appraisal-admin'] as const;
const c = (id: string, rest: string) => `/campaigns/${encodeURIComponent(id)}${rest}`;

export function useBodies(campaignId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'bodies', campaignId],
    queryFn: async () => (await api<Bodies>(c(campaignId ?? '', '/bodies'))).items,
    enabled: !!campaignId,
  });
}

export function useSnapshots(campaignId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'snapshots', campaignId],
    queryFn: async (): Promise<Snapshot[]> => (await api<SnapshotList>(c(campaignId ?? '', '/snapshots'))).items,
    enabled: !!campaignId,
    retry: false,
  });
}

/** The campaign's results and its kind (a progress round's are a progress report: core/campaign/ranking-applies.ts). */
export function useResults(campaignId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'results', campaignId],
    queryFn: async () => {
      const res = await api<Results>(c(campaignId ?? '', '/results'));
      return {
        items: res.items,
        kind: res.kind,
        /** The campaign's status: a published one may also show its derived ranking (issue 15 §2). */
        status: res.status,
        /** How the campaign shows its results (issue 15 §4). */
        resultScale: res.resultScale,
      };
    },
    enabled: !!campaignId,
  });
}

function useAdminMutation<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { silent: true },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: KEY });
      void qc.invalidateQueries({ queryKey: ['campaigns'] });
      void qc.invalidateQueries({ queryKey: ['appraisal'] });
    },
  });
}

export function useSaveBody(campaignId: string) {
  return useAdminMutation(
    ({ groupId, ...body }: { groupId: string; kind: 'council' | 'parent_unit'; name: string; decisionRef?: string }) =>
      api(c(campaignId, `/groups/${encodeURIComponent(groupId)}/body`), { method: 'PUT', body }),
  );
}

/** A member as the form sends it (POST …/members without the user, PATCH /appraisal-members/{id}): the contract's body. */
export type MemberBody = Omit<MemberInput, 'userId'>;

export function useAddMember(campaignId: string) {
  return useAdminMutation(({ groupId, ...body }: MemberBody & { groupId: string; userId: string }) =>
    api(c(campaignId, `/groups/${encodeURIComponent(groupId)}/members`), { method: 'POST', body }),
  );
}

export function useUpdateMember() {
  return useAdminMutation(({ memberId, ...body }: Partial<MemberBody> & { memberId: string }) =>
    api(`/appraisal-members/${encodeURIComponent(memberId)}`, { method: 'PATCH', body }),
  );
}

export function useRemoveMember() {
  return useAdminMutation((memberId: string) =>
    api(`/appraisal-members/${encodeURIComponent(memberId)}`, { method: 'DELETE' }),
  );
}

export function useCloseAppraisal(campaignId: string) {
  return useAdminMutation((groupId: string) =>
    api(c(campaignId, '/close-appraisal'), { method: 'POST', body: { groupId } }),
  );
}

export type ApproveBody = ApproveInput;

export function useApprove(campaignId: string) {
  return useAdminMutation((body: ApproveBody) => api(c(campaignId, '/approve'), { method: 'POST', body }));
}

export function usePublish(campaignId: string) {
  return useAdminMutation((reason: string | undefined) =>
    api<{ snapshot: Snapshot }>(c(campaignId, '/publish'), { method: 'POST', body: reason ? { reason } : {} }),
  );
}
