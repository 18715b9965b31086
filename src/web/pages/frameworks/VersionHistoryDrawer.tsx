// Version history of a set (every version of the same code), with the differences against another version
// (computed by the engine) and the node mapping between them (proposal from the server, confirmed by a person).
import { useState } from 'react';
import { Button, Drawer, Empty, Radio, Space, Spin, Table, Tabs, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { FrameworkDetail, FrameworkSummary } from '../../../contract/frameworks.ts';
import { useFramework, useFrameworkVersions } from '../../api/frameworks.ts';
import { showDate, showDateTime } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';
import { StatusTag } from './FrameworkTags.tsx';
import { VersionDiff } from './VersionDiff.tsx';
import { VersionMapping } from './VersionMapping.tsx';

export function VersionHistoryDrawer({ detail, onClose }: { detail: FrameworkDetail; onClose: () => void }) {
  const t = useT();
  const versions = useFrameworkVersions(detail.id);
  const [otherId, setOtherId] = useState<string | null>(null);
  const other = useFramework(otherId);
  const pair = other.data
    ? ([other.data, detail].sort((a, b) => a.version - b.version) as [FrameworkDetail, FrameworkDetail])
    : null;

  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={t('fw.historyTitle', { code: detail.code })}
      data-testid="fw-history-drawer"
      styles={{ wrapper: { width: 'min(1100px, 100vw)' } }}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Table<FrameworkSummary>
          size="small"
          rowKey="id"
          loading={versions.isLoading}
          dataSource={versions.data ?? []}
          pagination={false}
          columns={[
            {
              title: t('fw.version'),
              dataIndex: 'version',
              width: 90,
              render: (v: number, f) => (f.id === detail.id ? <strong>{v}</strong> : v),
            },
            {
              title: t('fw.statusCol'),
              dataIndex: 'status',
              width: 130,
              render: (s: FrameworkSummary['status']) => <StatusTag status={s} />,
            },
            { title: t('fw.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => showDateTime(v) },
            {
              title: t('fw.publishedAt'),
              dataIndex: 'publishedAt',
              width: 120,
              render: (v: string | null) => showDate(v),
            },
            {
              title: t('common.actions'),
              key: 'a',
              render: (_: unknown, f) =>
                f.id === detail.id ? (
                  <Typography.Text type="secondary">{t('fw.thisVersion')}</Typography.Text>
                ) : (
                  <Space>
                    <Radio
                      checked={otherId === f.id}
                      onChange={() => setOtherId(f.id)}
                      data-testid={`fw-compare-${f.version}`}
                    >
                      {t('fw.compare')}
                    </Radio>
                    <Link to={`/frameworks/${encodeURIComponent(f.id)}`} onClick={onClose}>
                      {t('fw.open')}
                    </Link>
                  </Space>
                ),
            },
          ]}
        />
        {!otherId && <Empty description={t('fw.pickVersion')} />}
        {otherId && other.isLoading && <Spin />}
        {pair && (
          <Tabs
            items={[
              {
                key: 'diff',
                label: t('fw.diffTab', { a: pair[0].version, b: pair[1].version }),
                children: <VersionDiff older={pair[0]} newer={pair[1]} />,
              },
              {
                key: 'mapping',
                label: t('fw.mappingTab'),
                children: <VersionMapping older={pair[0]} newer={pair[1]} />,
              },
            ]}
          />
        )}
        {pair && <Button onClick={() => setOtherId(null)}>{t('fw.clearCompare')}</Button>}
      </Space>
    </Drawer>
  );
}
