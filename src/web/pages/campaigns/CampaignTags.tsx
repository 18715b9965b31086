// Status and kind tags of a campaign (labels from CAMPAIGN_STATUS_LABELS in Vietnamese).
import { Tag } from 'antd';
import { CAMPAIGN_STATUS_LABELS } from '../../../core/campaign/index.ts';
import type { CampaignKind, CampaignStatus } from '../../../core/campaign/index.ts';
import { useI18n } from '../../i18n/context.ts';

const COLORS: Record<CampaignStatus, string> = {
  draft: 'default',
  open: 'green',
  self_assessment_closed: 'orange',
  under_appraisal: 'purple',
  approved: 'blue',
  published: 'geekblue',
  archived: 'default',
};

const EN: Record<CampaignStatus, string> = {
  draft: 'Draft',
  open: 'Self-assessment open',
  self_assessment_closed: 'Self-assessment closed',
  under_appraisal: 'Under appraisal',
  approved: 'Approved',
  published: 'Published',
  archived: 'Archived',
};

export function useStatusLabel(): (s: CampaignStatus) => string {
  const { lang } = useI18n();
  return (s) => (lang === 'vi' ? CAMPAIGN_STATUS_LABELS[s] : EN[s]) ?? s;
}

export function StatusTag({ status }: { status: CampaignStatus }) {
  const label = useStatusLabel();
  return (
    <Tag color={COLORS[status]} data-testid="camp-status">
      {label(status)}
    </Tag>
  );
}

export function KindTag({ kind, months }: { kind: CampaignKind; months: number | null }) {
  const { t } = useI18n();
  return kind === 'annual' ? (
    <Tag color="red">{t('camp.kind.annual')}</Tag>
  ) : (
    <Tag color="cyan">{t('camp.kind.progress', { n: months ?? 0 })}</Tag>
  );
}
