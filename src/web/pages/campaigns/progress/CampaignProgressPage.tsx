// /campaigns/:id/progress — every participating unit with status, % done, evidence, submission time, lateness,
// penalty and timing; filters by group and status, accent-insensitive search, summary counts; per-row
// actions by abilities (open, reopen with a reason, record a submission received by another channel).
import { useMemo, useState } from 'react';
import { Card, Col, Input, Result, Row, Select, Space, Statistic, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { matchesSearch } from '../../../../core/text/vietnamese.ts';
import { useCampaign, useCampaignProgress } from '../../../api/campaigns.ts';
import type { ProgressRow, ProgressStatusFilter } from '../../../../contract/campaigns.ts';
import { PageLoading } from '../../../components/PageLoading.tsx';
import { useT } from '../../../i18n/context.ts';
import { ProgressTable } from './ProgressTable.tsx';
import { ReopenModal } from './ReopenModal.tsx';
import { RecordSubmissionModal } from './RecordSubmissionModal.tsx';
import { CampaignExtraActions } from '../CampaignExtraActions.tsx';
import { BackLink } from '../../../components/BackLink.tsx';

const STATUSES: ProgressStatusFilter[] = ['not_started', 'in_progress', 'submitted', 'late', 'not_submitted'];

export default function CampaignProgressPage() {
  const t = useT();
  const { id } = useParams();
  const campaign = useCampaign(id);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [status, setStatus] = useState<ProgressStatusFilter | null>(null);
  const [q, setQ] = useState('');
  const [reopen, setReopen] = useState<ProgressRow | null>(null);
  const [record, setRecord] = useState<ProgressRow | null>(null);
  const progress = useCampaignProgress(id, { groupId, status });
  const rows = useMemo(
    () =>
      (progress.data?.items ?? []).filter((r) =>
        matchesSearch(`${r.unit.code} ${r.unit.name} ${r.unit.parentName ?? ''}`, q),
      ),
    [progress.data, q],
  );
  if (campaign.isLoading) return <PageLoading />;
  const c = campaign.data;
  if (!c) return <Result status="warning" title={campaign.error?.message ?? t('common.notFound')} />;
  const s = progress.data?.summary;
  const stat = (
    key: 'prog.total' | 'prog.submitted' | 'prog.late' | 'prog.notStarted' | 'prog.inProgress',
    value: number | undefined,
    tid: string,
  ) => (
    <Col xs={12} sm={8} lg={4}>
      <Card size="small">
        <Statistic title={t(key)} value={value ?? 0} data-testid={`prog-sum-${tid}`} />
      </Card>
    </Col>
  );
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <BackLink to={`/campaigns/${c.id}`}>{c.name}</BackLink>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('prog.title', { name: c.name })}
        </Typography.Title>
        <CampaignExtraActions c={c} />
      </Space>
      <Row gutter={[12, 12]} data-testid="prog-summary">
        {stat('prog.total', s?.total, 'total')}
        {stat('prog.submitted', s?.submitted, 'submitted')}
        {stat('prog.late', s?.late, 'late')}
        {stat('prog.inProgress', s?.inProgress, 'in-progress')}
        {stat('prog.notStarted', s?.notStarted, 'not-started')}
      </Row>
      <Space wrap>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('prog.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 320, maxWidth: '100%' }}
          data-testid="prog-search"
        />
        {c.groups.length > 1 && (
          <Select
            allowClear
            placeholder={t('prog.allGroups')}
            style={{ width: 220 }}
            value={groupId ?? undefined}
            onChange={(v: string | undefined) => setGroupId(v ?? null)}
            options={c.groups.map((g) => ({ value: g.id, label: g.name }))}
            data-testid="prog-group"
          />
        )}
        <Select
          allowClear
          placeholder={t('prog.allStatuses')}
          style={{ width: 200 }}
          value={status ?? undefined}
          onChange={(v: ProgressStatusFilter | undefined) => setStatus(v ?? null)}
          options={STATUSES.map((v) => ({ value: v, label: t(`prog.status.${v}`) }))}
          data-testid="prog-status"
        />
      </Space>
      <ProgressTable
        rows={rows}
        loading={progress.isFetching}
        abilities={c.abilities}
        onReopen={setReopen}
        onRecord={setRecord}
      />
      <ReopenModal row={reopen} onClose={() => setReopen(null)} />
      <RecordSubmissionModal row={record} onClose={() => setRecord(null)} />
    </Space>
  );
}
