// Campaign appraisal administration: bodies and members, close appraisal per group, approval,
// publication (signed snapshot), snapshots and results.
import type { Results } from '../../contract/appraisal.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { GroupBody, Snapshot, UnitResultRow } from './appraisalTypes.ts';
import type { ApproveInput, MemberInput } from '../../contract/appraisal.ts';

const KEY = ['appraisal-admin'] as const;
const c = (id: string, rest: string) => `/campaigns/${encodeURIComponent(id)}${rest}`;

/** Accepts `{items:[…]}` or a bare array. */
function listOf<T>(r: { items?: T[]; groups?: T[] } | T[]): T[] {
  return Array.isArray(r) ? r : (r.items ?? r.groups ?? []);
}

export function useBodies(campaignId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'bodies', campaignId],
    queryFn: async () =>
      listOf(await api<{ items?: GroupBody[]; groups?: GroupBody[] } | GroupBody[]>(c(campaignId ?? '', '/bodies'))),
    enabled: !!campaignId,
  });
}

export function useSnapshots(campaignId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'snapshots', campaignId],
    queryFn: async () => listOf(await api<{ items?: Snapshot[] } | Snapshot[]>(c(campaignId ?? '', '/snapshots'))),
    enabled: !!campaignId,
    retry: false,
  });
}

/** The campaign's results and its kind (a progress round's are a progress report: core/campaign/ranking-applies.ts). */
export function useResults(campaignId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'results', campaignId],
    queryFn: async () => {
      const res = await api<
        (Partial<Pick<Results, 'kind' | 'status' | 'resultScale'>> & { items?: UnitResultRow[] }) | UnitResultRow[]
      >(c(campaignId ?? '', '/results'));
      return {
        items: listOf(res),
        kind: Array.isArray(res) ? 'annual' : (res.kind ?? 'annual'),
        /** The campaign's status: a published one may also show its derived ranking (issue 15 §2). */
        status: Array.isArray(res) ? null : (res.status ?? null),
        /** How the campaign shows its results (issue 15 §4). */
        resultScale: Array.isArray(res) ? ('points' as const) : (res.resultScale ?? 'points'),
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
