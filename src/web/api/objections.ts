// Objections (kiến nghị, issue 14 §1): the unit's objections and its window, filing one, the council's
// answer, and the campaign's list for the DX office. Keys under ['appraisal'] so a publication refreshes them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type {
  AssessmentObjections,
  CampaignObjections,
  ObjectionAnswerInput,
  ObjectionView,
} from '../../contract/objections.ts';

const KEY = ['appraisal', 'objections'] as const;

export function useAssessmentObjections(assessmentId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'assessment', assessmentId],
    queryFn: () => api<AssessmentObjections>(`/assessments/${encodeURIComponent(assessmentId ?? '')}/objections`),
    enabled: !!assessmentId,
    retry: false,
    meta: { silent: true },
  });
}

export function useCampaignObjections(campaignId: string) {
  return useQuery({
    queryKey: [...KEY, 'campaign', campaignId],
    queryFn: () => api<CampaignObjections>(`/campaigns/${encodeURIComponent(campaignId)}/objections`),
    retry: false,
    meta: { silent: true },
  });
}

function useObjectionMutation<V>(fn: (v: V) => Promise<ObjectionView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['appraisal'] }),
  });
}

export function useFileObjection() {
  return useObjectionMutation((v: { assessmentId: string; code: string; text: string; evidenceIds: string[] }) =>
    api<ObjectionView>(
      `/assessments/${encodeURIComponent(v.assessmentId)}/items/${encodeURIComponent(v.code)}/objections`,
      { method: 'POST', body: { text: v.text, evidenceIds: v.evidenceIds } },
    ),
  );
}

export function useAnswerObjection() {
  return useObjectionMutation(({ id, ...body }: ObjectionAnswerInput & { id: string }) =>
    api<ObjectionView>(`/objections/${encodeURIComponent(id)}/answer`, { method: 'POST', body }),
  );
}
