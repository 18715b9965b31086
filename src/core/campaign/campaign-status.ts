// The campaign's life: draft → open for self-assessment → self-assessment closed → under appraisal →
// approved → published → archived. Every transition is an explicit action; these are the only ones.
import type { CampaignStatus } from './types.ts';

export const CAMPAIGN_ACTIONS = {
  open: { from: ['draft'], to: 'open', label: 'Mở kỳ tự đánh giá' },
  close_self_assessment: { from: ['open'], to: 'self_assessment_closed', label: 'Kết thúc tự đánh giá' },
  reopen_self_assessment: { from: ['self_assessment_closed'], to: 'open', label: 'Mở lại tự đánh giá' },
  start_appraisal: { from: ['self_assessment_closed'], to: 'under_appraisal', label: 'Bắt đầu thẩm định' },
  approve: { from: ['under_appraisal'], to: 'approved', label: 'Phê duyệt kết quả' },
  publish: { from: ['approved'], to: 'published', label: 'Công bố kết quả' },
  archive: { from: ['published'], to: 'archived', label: 'Lưu trữ' },
} as const satisfies Record<string, { from: readonly CampaignStatus[]; to: CampaignStatus; label: string }>;

export type CampaignAction = keyof typeof CAMPAIGN_ACTIONS;

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: 'Nháp',
  open: 'Đang tự đánh giá',
  self_assessment_closed: 'Đã kết thúc tự đánh giá',
  under_appraisal: 'Đang thẩm định',
  approved: 'Đã phê duyệt',
  published: 'Đã công bố',
  archived: 'Lưu trữ',
};

export function nextCampaignStatus(current: CampaignStatus, action: CampaignAction): CampaignStatus | null {
  const t = CAMPAIGN_ACTIONS[action];
  return (t.from as readonly CampaignStatus[]).includes(current) ? t.to : null;
}

export function availableActions(current: CampaignStatus): CampaignAction[] {
  return (Object.keys(CAMPAIGN_ACTIONS) as CampaignAction[]).filter((a) => nextCampaignStatus(current, a) !== null);
}

/** Settings (groups, units, rules, deadlines) are editable only before the campaign opens. */
export function isCampaignEditable(status: CampaignStatus): boolean {
  return status === 'draft';
}

/** Units may enter and submit while the campaign is open (late submissions included, by the rules). */
export function acceptsSelfAssessment(status: CampaignStatus): boolean {
  return status === 'open';
}
