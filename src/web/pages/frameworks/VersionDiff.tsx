// Differences between two versions (diffFrameworks, locally): nodes added, removed and changed, with
// old → new values (points, method in notation, texts) and the change of the total.
import { useMemo } from 'react';
import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import { diffFrameworks, formatMethodNotation } from '../../../core/framework/index.ts';
import type { NodeChange, NodeRef, ScoringMethod } from '../../../core/framework/index.ts';
import type { FrameworkDetail } from '../../../contract/frameworks.ts';
import { useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/vi.ts';
import { useNum } from './format.ts';

function useShow() {
  const num = useNum();
  return (field: string, v: unknown): string => {
    if (v === undefined || v === null || v === '') return '∅';
    if (field === 'method') return formatMethodNotation(v as ScoringMethod);
    if (typeof v === 'number') return num(v);
    if (typeof v === 'boolean') return v ? '✓' : '✗';
    return String(v);
  };
}

export function VersionDiff({ older, newer }: { older: FrameworkDetail; newer: FrameworkDetail }) {
  const t = useT();
  const num = useNum();
  const show = useShow();
  const diff = useMemo(() => diffFrameworks(older.definition, newer.definition), [older, newer]);
  const refCols = [
    { title: t('fw.nodeCode'), dataIndex: 'code', width: 90 },
    { title: t('fw.nodeTitle'), dataIndex: 'title' },
    {
      title: t('fw.maxPoints'),
      dataIndex: 'maxPoints',
      width: 100,
      align: 'right' as const,
      render: (v: number) => num(v),
    },
  ];
  const delta = diff.totalPoints.delta;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="fw-diff">
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('fw.totalPoints')}>
          {num(diff.totalPoints.old)} → {num(diff.totalPoints.new)}{' '}
          {delta !== 0 && (
            <Tag color={delta > 0 ? 'green' : 'red'}>
              {delta > 0 ? '+' : ''}
              {num(delta)}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('fw.added')}>{diff.added.length}</Descriptions.Item>
        <Descriptions.Item label={t('fw.removed')}>{diff.removed.length}</Descriptions.Item>
      </Descriptions>
      {diff.added.length + diff.removed.length + diff.changed.length === 0 && (
        <Typography.Text type="secondary">{t('fw.noDiff')}</Typography.Text>
      )}
      {diff.added.length > 0 && (
        <Table<NodeRef>
          size="small"
          rowKey="code"
          pagination={false}
          title={() => <Tag color="green">{t('fw.added')}</Tag>}
          dataSource={diff.added}
          columns={refCols}
          data-testid="fw-diff-added"
        />
      )}
      {diff.removed.length > 0 && (
        <Table<NodeRef>
          size="small"
          rowKey="code"
          pagination={false}
          title={() => <Tag color="red">{t('fw.removed')}</Tag>}
          dataSource={diff.removed}
          columns={refCols}
          data-testid="fw-diff-removed"
        />
      )}
      {diff.changed.length > 0 && (
        <Table<NodeChange>
          size="small"
          rowKey="code"
          pagination={false}
          data-testid="fw-diff-changed"
          title={() => <Tag color="blue">{t('fw.changed')}</Tag>}
          dataSource={diff.changed}
          columns={[
            { title: t('fw.nodeCode'), dataIndex: 'code', width: 90 },
            { title: t('fw.nodeTitle'), dataIndex: 'title', width: 260 },
            {
              title: t('fw.changes'),
              key: 'fields',
              render: (_: unknown, c) => (
                <Space orientation="vertical" size={2}>
                  {c.fields.map((f) => (
                    <Typography.Text key={f.field}>
                      <Typography.Text type="secondary">{t(`fw.field.${f.field}` as MessageKey)}: </Typography.Text>
                      <Typography.Text delete>{show(f.field, f.old)}</Typography.Text> →{' '}
                      <Typography.Text strong>{show(f.field, f.new)}</Typography.Text>
                    </Typography.Text>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
