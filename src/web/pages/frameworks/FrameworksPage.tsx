// /frameworks: index sets (Bộ chỉ số) — latest version of each code by default, all versions on demand;
// search without diacritics; create an empty draft, import a file, open a set.
import { useDeferredValue, useState } from 'react';
import type { HTMLAttributes } from 'react';
import { Button, Input, Select, Space, Switch, Table, Typography } from 'antd';
import { PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { FrameworkStatus } from '../../../core/framework/index.ts';
import type { FrameworkSummary } from '../../../contract/frameworks.ts';
import { useFrameworks } from '../../api/frameworks.ts';
import { Highlight } from '../../components/Highlight.tsx';
import { UnitTypeTag } from '../../components/UnitTypeTag.tsx';
import { showDate } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';
import { IllustrativeTag, StatusTag } from './FrameworkTags.tsx';
import { FrameworkCreateModal } from './FrameworkCreateModal.tsx';
import { FrameworkImportModal } from './FrameworkImportModal.tsx';
import { useNum } from './format.ts';

export default function FrameworksPage({ canManage }: { canManage: boolean }) {
  const t = useT();
  const num = useNum();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const [status, setStatus] = useState<FrameworkStatus | ''>('');
  const [latest, setLatest] = useState(true);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const { data, isFetching } = useFrameworks({ q: query, status, latest, page, pageSize });
  const open = (id: string) => navigate(`/frameworks/${encodeURIComponent(id)}`);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Typography.Title level={3} style={{ margin: 0, flex: '1 1 auto' }}>
          {t('nav.frameworks')}
        </Typography.Title>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="fw-create">
            {t('fw.create')}
          </Button>
        )}
        {canManage && (
          <Button icon={<UploadOutlined />} onClick={() => setDialog('import')} data-testid="fw-import">
            {t('fw.import')}
          </Button>
        )}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('fw.searchPlaceholder')}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
          style={{ maxWidth: 420 }}
          data-testid="fw-search"
        />
        <Select<FrameworkStatus | ''>
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          style={{ width: 180 }}
          data-testid="fw-status-filter"
          options={[
            { value: '', label: t('fw.status.all') },
            { value: 'draft', label: t('fw.status.draft') },
            { value: 'published', label: t('fw.status.published') },
            { value: 'archived', label: t('fw.status.archived') },
          ]}
        />
        <Space size={6}>
          <Switch
            checked={!latest}
            onChange={(v) => {
              setLatest(!v);
              setPage(1);
            }}
            data-testid="fw-all-versions"
          />
          <Typography.Text>{t('fw.allVersions')}</Typography.Text>
        </Space>
      </div>
      <Table<FrameworkSummary>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        data-testid="fw-table"
        onRow={(f) =>
          ({
            'data-testid': `fw-row-${f.code}-v${f.version}`,
            onDoubleClick: () => open(f.id),
          }) as HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          {
            title: t('fw.name'),
            key: 'name',
            render: (_: unknown, f) => (
              <Space orientation="vertical" size={2}>
                <Link to={`/frameworks/${encodeURIComponent(f.id)}`} data-testid={`fw-open-${f.code}`}>
                  <Highlight text={f.name} query={query} />
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <Highlight text={f.code} query={query} /> · {t('fw.versionN', { n: f.version })}
                </Typography.Text>
                {f.illustrative && <IllustrativeTag />}
              </Space>
            ),
          },
          {
            title: t('fw.statusCol'),
            dataIndex: 'status',
            width: 130,
            render: (s: FrameworkStatus) => <StatusTag status={s} />,
          },
          {
            title: t('fw.decision'),
            key: 'decision',
            width: 170,
            render: (_: unknown, f) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{f.decision.number}</Typography.Text>
                {f.decision.date && (
                  <Typography.Text type="secondary">
                    {t('fw.dated', { date: showDate(f.decision.date) })}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.ownerUnit.name}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('fw.appliesTo'),
            key: 'appliesTo',
            width: 180,
            render: (_: unknown, f) => (
              <Space wrap size={[4, 4]}>
                {f.appliesTo.unitTypes.map((u) => (
                  <UnitTypeTag key={u} type={u} />
                ))}
              </Space>
            ),
          },
          {
            title: t('fw.totalPoints'),
            dataIndex: 'totalPoints',
            width: 110,
            align: 'right',
            render: (v: number) => num(v),
          },
          {
            title: t('fw.indicators'),
            key: 'counts',
            width: 130,
            render: (_: unknown, f) => t('fw.countsShort', { main: f.mainIndicators, sub: f.subIndicators }),
          },
          {
            title: t('common.actions'),
            key: 'open',
            width: 100,
            render: (_: unknown, f) => (
              <Button size="small" onClick={() => open(f.id)}>
                {t('fw.open')}
              </Button>
            ),
          },
        ]}
      />
      {dialog === 'create' && <FrameworkCreateModal onClose={() => setDialog(null)} onCreated={(f) => open(f.id)} />}
      {dialog === 'import' && <FrameworkImportModal onClose={() => setDialog(null)} onImported={(f) => open(f.id)} />}
    </Space>
  );
}
