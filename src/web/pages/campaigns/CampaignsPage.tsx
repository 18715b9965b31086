// /campaigns: the DX office's campaigns with year, kind, status, groups and deadlines; create from preset.
import { useState } from 'react';
import { Button, InputNumber, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { CAMPAIGN_STATUSES } from '../../../core/campaign/index.ts';
import { useCampaigns } from '../../api/campaigns.ts';
import type { Campaign } from '../../../contract/campaigns.ts';
import { showDate } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';
import { KindTag, StatusTag, useStatusLabel } from './CampaignTags.tsx';
import { CreateFromPresetModal } from './CreateFromPresetModal.tsx';

export default function CampaignsPage() {
  const t = useT();
  const statusLabel = useStatusLabel();
  const [year, setYear] = useState<number | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { data, isFetching } = useCampaigns({ year, status, page, pageSize: 20 });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('camp.title')}
        </Typography.Title>
        {data?.abilities?.create !== false && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="camp-create">
            {t('camp.create')}
          </Button>
        )}
      </Space>
      <Space wrap>
        <InputNumber
          placeholder={t('camp.anyYear')}
          value={year}
          min={2000}
          max={2100}
          onChange={(v) => {
            setYear(v ?? null);
            setPage(1);
          }}
          data-testid="camp-year"
        />
        <Select
          allowClear
          placeholder={t('camp.anyStatus')}
          style={{ width: 220 }}
          value={status ?? undefined}
          onChange={(v: string | undefined) => {
            setStatus(v ?? null);
            setPage(1);
          }}
          options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
          data-testid="camp-status-filter"
        />
      </Space>
      <Table<Campaign>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        data-testid="camp-table"
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          {
            title: t('camp.name'),
            key: 'name',
            render: (_, c) => (
              <Link to={`/campaigns/${c.id}`} data-testid={`camp-open-${c.id}`}>
                {c.name}
              </Link>
            ),
          },
          { title: t('camp.year'), dataIndex: 'year', width: 80 },
          {
            title: t('camp.kind'),
            key: 'kind',
            width: 170,
            render: (_, c) => <KindTag kind={c.kind} months={c.progressMonths} />,
          },
          { title: t('camp.status'), key: 'status', width: 190, render: (_, c) => <StatusTag status={c.status} /> },
          {
            title: t('camp.groups'),
            key: 'groups',
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                {c.groups.map((g) => (
                  <span key={g.id}>
                    {g.name} — {g.frameworkName} (v{g.frameworkVersion}) · {t('camp.units', { n: g.unitCount })}
                  </span>
                ))}
              </Space>
            ),
          },
          {
            title: t('camp.deadline'),
            key: 'deadline',
            width: 130,
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                {c.groups.map((g) => (
                  <span key={g.id}>{showDate(g.deadlines.selfAssessment)}</span>
                ))}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_, c) =>
              c.abilities.viewProgress && c.status !== 'draft' ? (
                <Link to={`/campaigns/${c.id}/progress`}>{t('camp.progress')}</Link>
              ) : null,
          },
        ]}
      />
      <CreateFromPresetModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
