// /data-sources: the DX office's automatic data sources (issue 15 §3). The list with each source's latest
// pull; a source's panel: "Lấy ngay" for a period, the pulls with their provenance (address, time,
// SHA-256) and outcome in words, and the unit codes the latest pull could not place, to map or ignore.
import { useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { CloudDownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { DataSource, DataSourceRun } from '../../../contract/data-sources.ts';
import {
  useDataSources,
  useLatestRunAgreement,
  useMapUnits,
  useRunSource,
  useSourceRuns,
  useUnknownUnits,
} from '../../api/dataSources.ts';
import { useOrgUnits } from '../../api/orgUnits.ts';
import { useT } from '../../i18n/context.ts';
import { showDateTime } from '../../lib/dates.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { accentInsensitiveSearch } from '../../lib/searchSelect.ts';
import { parsePeriod } from '../../../core/data-sources/period.ts';
import { reasonKey } from './reason.ts';
import { SourceForm } from './SourceForm.tsx';

const STATUS_COLOR: Record<DataSourceRun['status'], string> = {
  queued: 'default',
  running: 'processing',
  ok: 'success',
  partial: 'warning',
  failed: 'error',
};

function RunStatus({ run }: { run: DataSourceRun | null }) {
  const t = useT();
  if (!run) return <Typography.Text type="secondary">{t('ds.never')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      <Tag color={STATUS_COLOR[run.status]} data-testid="ds-run-status">
        {t(`ds.status.${run.status}`)}
      </Tag>
      <Typography.Text type="secondary">{showDateTime(run.finishedAt ?? run.createdAt)}</Typography.Text>
    </Space>
  );
}

/** "Quý 3/2026" in the reader's language (the stored period is "2026-Q3"). */
function periodText(t: ReturnType<typeof useT>, p: string): string {
  const parsed = parsePeriod(p);
  if (!parsed) return p;
  const year = String(parsed.year);
  return parsed.kind === 'year'
    ? t('ds.period.year', { year })
    : t(`ds.period.${parsed.kind}`, { year, number: String(parsed.number ?? '') });
}

function Reason({ run }: { run: DataSourceRun }) {
  const t = useT();
  if (!run.reason) return null;
  return (
    <Space orientation="vertical" size={0}>
      <span data-testid="ds-run-reason">{t(reasonKey(run.reason.code), run.reason.params)}</span>
      {run.problems.length > 1 && (
        <details>
          <summary>+{run.problems.length - 1}</summary>
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {run.problems.slice(1, 50).map((p, i) => (
              <li key={i}>{t(reasonKey(p.code), p.params)}</li>
            ))}
          </ul>
        </details>
      )}
      {(run.status === 'failed' || run.status === 'partial') && (
        <Typography.Text type="secondary">{t('ds.nothingChanged')}</Typography.Text>
      )}
    </Space>
  );
}

function SourcePanel({ source }: { source: DataSource }) {
  const t = useT();
  const [period, setPeriod] = useState('');
  const run = useRunSource();
  const runs = useSourceRuns(source.id);
  useLatestRunAgreement(source.id, source.lastRun, runs.data ? (runs.data.items[0] ?? null) : undefined);
  const lastFinished = runs.data?.items.find((r) => r.finishedAt)?.id ?? null;
  const unknown = useUnknownUnits(source.id, lastFinished);
  const units = useOrgUnits().data?.items ?? [];
  const mapUnits = useMapUnits();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const IGNORE = '__ignore__';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('ds.runNow')}>
        <Space wrap>
          <Input
            style={{ width: 380 }}
            placeholder={t('ds.runPeriod')}
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
            data-testid="ds-run-period"
          />
          <Button
            type="primary"
            icon={<CloudDownloadOutlined />}
            loading={run.isPending}
            onClick={async () => {
              await run.mutateAsync({ id: source.id, ...(period.trim() ? { period: period.trim() } : {}) });
              notifySuccess(t('ds.runQueued'));
            }}
            data-testid="ds-run-now"
          >
            {t('ds.runNow')}
          </Button>
        </Space>
      </Card>
      <Card size="small" title={t('ds.runs')}>
        <Table<DataSourceRun>
          rowKey="id"
          size="small"
          loading={runs.isFetching && !runs.data}
          dataSource={runs.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 10 }}
          columns={[
            {
              title: t('ds.run.time'),
              width: 150,
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  {showDateTime(r.fetchedAt ?? r.createdAt)}
                  <Typography.Text type="secondary">{t(`ds.run.trigger.${r.trigger}`)}</Typography.Text>
                </Space>
              ),
            },
            { title: t('ds.run.period'), width: 110, render: (_, r) => periodText(t, r.period) },
            { title: t('ds.run.status'), width: 150, render: (_, r) => <RunStatus run={r} /> },
            { title: t('ds.run.reason'), render: (_, r) => <Reason run={r} /> },
            {
              title: t('ds.run.counts'),
              width: 220,
              render: (_, r) =>
                r.counts.records !== undefined
                  ? t('ds.run.countsText', {
                      records: r.counts.records ?? 0,
                      units: r.counts.units ?? 0,
                      figures: r.counts.figures ?? 0,
                      prefilled: r.counts.prefilled ?? 0,
                      kept: r.counts.kept ?? 0,
                    })
                  : '',
            },
            {
              title: t('ds.run.provenance'),
              width: 260,
              render: (_, r) => (
                <Space orientation="vertical" size={0} style={{ wordBreak: 'break-all' }}>
                  {r.urls.slice(0, 2).map((u) => (
                    <Typography.Text key={u} style={{ fontSize: 12 }}>
                      {u}
                    </Typography.Text>
                  ))}
                  {r.urls.length > 2 && <Typography.Text type="secondary">+{r.urls.length - 2}</Typography.Text>}
                  {r.responseSha256 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: r.responseSha256 }}>
                      {t('ds.run.sha')}: {r.responseSha256.slice(0, 16)}…
                    </Typography.Text>
                  )}
                  {r.attempts > 1 && (
                    <Typography.Text type="secondary">{t('ds.run.attempts', { n: r.attempts })}</Typography.Text>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('ds.unknown')}>
        <Typography.Paragraph type="secondary">{t('ds.unknownHelp')}</Typography.Paragraph>
        <Table
          rowKey="sourceUnitId"
          size="small"
          dataSource={unknown.data?.items ?? []}
          locale={{ emptyText: t('ds.unknown.none') }}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('ds.unknown.code'), dataIndex: 'sourceUnitId', width: 140 },
            { title: t('ds.unknown.name'), dataIndex: 'sourceUnitName' },
            {
              title: t('ds.unknown.unit'),
              width: 320,
              render: (_, r: { sourceUnitId: string }) => (
                <Select
                  style={{ width: '100%' }}
                  showSearch={accentInsensitiveSearch}
                  value={choice[r.sourceUnitId]}
                  onChange={(v: string) => setChoice((c) => ({ ...c, [r.sourceUnitId]: v }))}
                  options={[
                    { value: IGNORE, label: t('ds.unknown.ignore') },
                    ...units.map((u) => ({ value: u.id, label: `${u.code} — ${u.name}` })),
                  ]}
                  data-testid={`ds-map-${r.sourceUnitId}`}
                />
              ),
            },
          ]}
        />
        {(unknown.data?.items.length ?? 0) > 0 && (
          <Button
            style={{ marginTop: 8 }}
            disabled={Object.keys(choice).length === 0}
            loading={mapUnits.isPending}
            onClick={async () => {
              await mapUnits.mutateAsync({
                id: source.id,
                entries: Object.entries(choice).map(([sourceUnitId, v]) => ({
                  sourceUnitId,
                  unitId: v === IGNORE ? null : v,
                })),
              });
              setChoice({});
            }}
            data-testid="ds-map-save"
          >
            {t('ds.unknown.save')}
          </Button>
        )}
      </Card>
    </Space>
  );
}

export default function DataSourcesPage() {
  const t = useT();
  const { data, isFetching } = useDataSources();
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<DataSource | null | 'new'>(null);
  const current = data?.items.find((s) => s.id === selected) ?? null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Typography.Title level={3} style={{ margin: 0, flex: '1 1 auto' }}>
          {t('ds.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="ds-create">
          {t('ds.create')}
        </Button>
      </div>
      <Alert type="info" showIcon title={t('ds.intro')} />
      <Table<DataSource>
        rowKey="id"
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        scroll={{ x: 800 }}
        pagination={false}
        rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('ds.name'),
            render: (_, s) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{s.name}</Typography.Text>
                <Typography.Text type="secondary">{s.owningSystem}</Typography.Text>
              </Space>
            ),
          },
          { title: t('ds.profile'), width: 200, render: (_, s) => t(`ds.profile.${s.profile}`) },
          { title: t('ds.schedule'), width: 150, render: (_, s) => t(`ds.schedule.${s.schedule}`) },
          { title: t('ds.campaign'), width: 200, render: (_, s) => s.campaignName ?? '' },
          { title: t('ds.lastRun'), width: 170, render: (_, s) => <RunStatus run={s.lastRun} /> },
          {
            width: 60,
            render: (_, s) => (
              <Button
                icon={<EditOutlined />}
                aria-label={t('common.edit')}
                onClick={(e) => {
                  e.stopPropagation();
                  setEditing(s);
                }}
              />
            ),
          },
        ]}
      />
      {current && (
        <>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {current.name}
          </Typography.Title>
          <SourcePanel key={current.id} source={current} />
        </>
      )}
      {editing && <SourceForm source={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}
