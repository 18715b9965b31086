// Assessment hooks: the unit's home list, one assessment, item save (used by the autosave store), informational
// fields, submit, reopen, record a submission received by another channel, and the .xlsx form exchange.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, uploadFileWithProgress } from './client.ts';
import type {
  Assessment,
  AssessmentItem,
  ItemSaveBody,
  MyAssessment,
  SubmissionState,
} from '../../contract/assessments.ts';

export const ASSESSMENTS_KEY = ['assessments'] as const;

const path = (id: string, rest = '') => `/assessments/${encodeURIComponent(id)}${rest}`;

export function useMyAssessments(enabled = true) {
  return useQuery({
    queryKey: [...ASSESSMENTS_KEY, 'mine'],
    queryFn: () => api<{ items: MyAssessment[] }>('/assessments/mine'),
    enabled,
  });
}

export function useAssessment(id: string | undefined) {
  return useQuery({
    queryKey: [...ASSESSMENTS_KEY, 'detail', id],
    queryFn: () => api<Assessment>(path(id ?? '')),
    enabled: !!id,
    staleTime: Infinity,
  });
}

export function saveItem(id: string, code: string, body: ItemSaveBody): Promise<AssessmentItem> {
  return api<AssessmentItem>(path(id, `/items/${encodeURIComponent(code)}`), { method: 'PUT', body });
}

export function saveInfo(id: string, values: Record<string, number | null>, rowVersion: number): Promise<Assessment> {
  return api<Assessment>(path(id, '/info'), { method: 'PUT', body: { values, rowVersion } });
}

export function useSubmitAssessment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<SubmissionState>(path(id, '/submit'), { method: 'POST', body: {} }),
    meta: { silent: true },
    onSuccess: (state) => {
      const key = [...ASSESSMENTS_KEY, 'detail', id];
      if (qc.getQueryData<Assessment>(key)) qc.setQueryData<Assessment>(key, (a) => a && withSubmission(a, state));
      else void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: [...ASSESSMENTS_KEY, 'mine'] });
      void qc.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
}

/**
 * The held assessment after a submission: the server's new state over it (the submit answer carries no
 * items); a submission re-locks every item and leaves none reopened (app/assessments/submit-assessment.ts).
 */
export function withSubmission(a: Assessment, state: SubmissionState): Assessment {
  return { ...a, ...state, items: a.items.map((i) => ({ ...i, reopened: false, locked: true })) };
}

function useAfterChange() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ASSESSMENTS_KEY });
    void qc.invalidateQueries({ queryKey: ['campaigns'] });
  };
}

export function useReopenAssessment() {
  const after = useAfterChange();
  return useMutation({
    mutationFn: ({ id, reason, codes }: { id: string; reason: string; codes?: string[] }) =>
      api<Assessment>(path(id, '/reopen'), { method: 'POST', body: { reason, codes } }),
    meta: { silent: true },
    onSuccess: after,
  });
}

export function useRecordSubmission() {
  const after = useAfterChange();
  return useMutation({
    mutationFn: ({
      id,
      receivedAt,
      reference,
      reason,
    }: {
      id: string;
      receivedAt: string;
      reference: string;
      reason?: string;
    }) => api<Assessment>(path(id, '/record-submission'), { method: 'POST', body: { receivedAt, reference, reason } }),
    meta: { silent: true },
    onSuccess: after,
  });
}

export function useImportAssessment(id: string, onProgress: (percent: number) => void) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (file: File) => uploadFileWithProgress<{ updated: number }>(path(id, '/import'), file, onProgress),
    meta: { silent: true },
    onSuccess: after,
  });
}

export function exportPath(id: string): string {
  return path(id, '/export.xlsx');
}

export function isApiCode(e: unknown, code: string): e is ApiError {
  return e instanceof ApiError && e.code === code;
}
