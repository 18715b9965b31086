// Appraisal workspace hooks: the caller's queue, one assessment's review, propose / appraise decisions,
// requests to the unit (create, reply, close) and bulk acceptance of self scores.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AssessmentReview, Queue, QueueFilter, RequestView, ReviewView } from './appraisalTypes.ts';
import type { Assessment } from '../../contract/assessments.ts';
import type { AppraisalInput, ReviewInput, SupplementList, SupplementView } from '../../contract/appraisal.ts';

export const APPRAISAL_KEY = ['appraisal'] as const;

const item = (id: string, code: string, rest: string) =>
  `/assessments/${encodeURIComponent(id)}/items/${encodeURIComponent(code)}${rest}`;

export function useQueue(f: QueueFilter, enabled = true) {
  return useQuery({
    queryKey: [...APPRAISAL_KEY, 'queue', f],
    queryFn: () =>
      api<Queue>('/appraisal/queue', {
        query: { campaignId: f.campaignId, groupId: f.groupId, mode: f.mode, flag: f.flag, status: f.status },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useReview(assessmentId: string | null) {
  return useQuery({
    queryKey: [...APPRAISAL_KEY, 'review', assessmentId],
    queryFn: () => api<AssessmentReview>(`/assessments/${encodeURIComponent(assessmentId ?? '')}/review`),
    enabled: !!assessmentId,
  });
}

/** The unit's requests from the council (shown at the top of its assessment). */
export function useAssessmentRequests(assessmentId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...APPRAISAL_KEY, 'requests', assessmentId],
    queryFn: () => api<{ items: RequestView[] }>(`/assessments/${encodeURIComponent(assessmentId ?? '')}/requests`),
    enabled: !!assessmentId && enabled,
    retry: false,
    meta: { silent: true },
  });
}

/** The unit's own supplements during appraisal (001 II.3.b) and whether the caller may add one now. */
export function useAssessmentSupplements(assessmentId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...APPRAISAL_KEY, 'supplements', assessmentId],
    queryFn: () => api<SupplementList>(`/assessments/${encodeURIComponent(assessmentId ?? '')}/supplements`),
    enabled: !!assessmentId && enabled,
    retry: false,
    meta: { silent: true },
  });
}

export function useAddSupplement() {
  const invalidate = useInvalidate();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { assessmentId: string; code: string; text: string; evidenceIds: string[] }) =>
      api<SupplementView>(item(v.assessmentId, v.code, '/supplements'), {
        method: 'POST',
        body: { text: v.text, evidenceIds: v.evidenceIds },
      }),
    meta: { silent: true },
    onSuccess: () => {
      void invalidate();
      void qc.invalidateQueries({ queryKey: ['evidence'] });
    },
  });
}

/** The reviewer opened an item flagged "Bổ sung từ lần xem trước": the flag clears for them. */
export function useMarkLooked() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { assessmentId: string; code: string }) =>
      api<{ lookedAt: string }>(item(v.assessmentId, v.code, '/looked'), { method: 'POST', body: {} }),
    meta: { silent: true },
    // The tag goes from the row in the cached queues without a refetch: a queue filtered by this flag keeps
    // the row under the reviewer's eyes until they move on (a refetch would pull it away mid-reading).
    onSuccess: (_r, v) =>
      qc.setQueriesData<Queue>({ queryKey: [...APPRAISAL_KEY, 'queue'] }, (q) =>
        q
          ? {
              ...q,
              items: q.items.map((i) =>
                i.assessmentId === v.assessmentId && i.code === v.code
                  ? { ...i, flags: i.flags.filter((f) => f.kind !== 'supplemented_since_last_look') }
                  : i,
              ),
            }
          : q,
      ),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: APPRAISAL_KEY });
}

/** One decision on an item: the proposal (PUT …/review) or the final score (PUT …/appraisal), from the contract's bodies. */
export type DecisionBody = Omit<AppraisalInput, 'finalScore'> & { score: number };

export function useDecision(kind: 'propose' | 'appraise') {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ assessmentId, code, body }: { assessmentId: string; code: string; body: DecisionBody }) => {
      const { score, ...rest } = body;
      return kind === 'propose'
        ? api<ReviewView>(item(assessmentId, code, '/review'), {
            method: 'PUT',
            body: {
              proposedScore: score,
              reason: rest.reason,
              comment: rest.comment,
              version: rest.version,
            } satisfies ReviewInput,
          })
        : api<ReviewView>(item(assessmentId, code, '/appraisal'), {
            method: 'PUT',
            body: { finalScore: score, ...rest } satisfies AppraisalInput,
          });
    },
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useCreateRequest() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      assessmentId,
      code,
      ...body
    }: {
      assessmentId: string;
      code: string;
      kind: 'more_evidence' | 'explanation';
      message: string;
      deadline: string;
    }) => api<RequestView>(item(assessmentId, code, '/requests'), { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useReplyToRequest() {
  const invalidate = useInvalidate();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, text, evidenceIds }: { requestId: string; text: string; evidenceIds: string[] }) =>
      api<unknown>(`/requests/${encodeURIComponent(requestId)}/replies`, {
        method: 'POST',
        body: { text, evidenceIds },
      }),
    meta: { silent: true },
    onSuccess: () => {
      void invalidate();
      void qc.invalidateQueries({ queryKey: ['evidence'] });
    },
  });
}

export function useCloseRequest() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (requestId: string) =>
      api<unknown>(`/requests/${encodeURIComponent(requestId)}/close`, { method: 'POST', body: {} }),
    onSuccess: invalidate,
  });
}

export function useBulkAccept() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (items: { assessmentId: string; code: string; version: number }[]) =>
      api<{ accepted: number }>('/appraisal/bulk-accept', { method: 'POST', body: { items } }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

/** The unit's assessment (for the index set's guidance), fetched quietly: an appraiser may not read it. */
export function useAssessmentQuietly(assessmentId: string | null) {
  return useQuery({
    queryKey: ['appraisal-assessment', assessmentId],
    queryFn: () => api<Assessment>(`/assessments/${encodeURIComponent(assessmentId ?? '')}`),
    enabled: !!assessmentId,
    staleTime: 5 * 60_000,
    retry: false,
    meta: { silent: true },
  });
}
