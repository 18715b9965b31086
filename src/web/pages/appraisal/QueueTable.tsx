// The queue rows (unit × item) with the three scores, delta, status and flags; the selected row is
// highlighted and kept in view; checkboxes select rows for bulk acceptance. Every column fits the queue's
// half of a 1440 px screen; narrower, the table scrolls inside itself with the status kept on the right
// (issue 14 §6).
import { useEffect } from 'react';
import { Table, Tag, Typography } from 'antd';
import type { QueueMode, QueueRow, QueueStatus } from '../../api/appraisalTypes.ts';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';
import { FlagTags } from './FlagTags.tsx';
import { ScoreDelta } from './ScoreDelta.tsx';

export const rowKey = (r: Pick<QueueRow, 'assessmentId' | 'code'>) => `${r.assessmentId}|${r.code}`;

const STATUS_COLORS: Record<QueueStatus, string> = {
  pending: 'default',
  proposed: 'blue',
  requested: 'orange',
  final: 'green',
};

interface Props {
  rows: QueueRow[];
  mode: QueueMode;
  loading: boolean;
  selected: string | null;
  checked: string[];
  onSelect: (key: string) => void;
  onCheck: (keys: string[]) => void;
}

export function QueueTable({ rows, mode, loading, selected, checked, onSelect, onCheck }: Props) {
  const t = useT();
  const num = useNum();
  useEffect(() => {
    if (selected)
      document.querySelector(`[data-row-key="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <Table<QueueRow>
      size="small"
      rowKey={rowKey}
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 640, y: 'calc(100vh - 330px)' }}
      data-testid="apr-queue"
      rowSelection={{
        selectedRowKeys: checked,
        onChange: (keys) => onCheck(keys as string[]),
        getCheckboxProps: (r) => ({ disabled: !r.abilities.appraise || r.selfScore === null || r.status === 'final' }),
      }}
      onRow={(r) =>
        ({
          onClick: () => onSelect(rowKey(r)),
          style: { cursor: 'pointer', background: rowKey(r) === selected ? '#e6f4ff' : undefined },
          'data-testid': `apr-row-${r.unit.code}-${r.code}`,
          'data-selected': rowKey(r) === selected ? 'true' : 'false',
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        mode === 'item'
          ? {
              title: t('apr.unit'),
              key: 'unit',
              width: 200,
              render: (_, r) => <Typography.Text>{r.unit.name}</Typography.Text>,
            }
          : {
              title: t('apr.item'),
              key: 'item',
              width: 200,
              render: (_, r) => (
                <Typography.Text>
                  {r.code}. {r.title}
                </Typography.Text>
              ),
            },
        {
          title: t('apr.selfShort'),
          dataIndex: 'selfScore',
          width: 58,
          align: 'right',
          render: (v: number | null) => num(v),
        },
        {
          title: t('apr.proposedShort'),
          dataIndex: 'proposedScore',
          width: 58,
          align: 'right',
          render: (v: number | null) => num(v),
        },
        {
          title: t('apr.finalShort'),
          key: 'final',
          width: 58,
          align: 'right',
          render: (_, r) => (r.notApplicable ? t('apr.naShort') : num(r.finalScore)),
        },
        { title: '±', key: 'delta', width: 50, align: 'right', render: (_, r) => <ScoreDelta delta={r.delta} /> },
        { title: t('apr.flags'), key: 'flags', render: (_, r) => <FlagTags flags={r.flags} compact /> },
        {
          title: t('apr.status'),
          dataIndex: 'status',
          width: 105,
          fixed: 'right',
          // A fixed cell paints its own background: the selected row's colour, too.
          onCell: (r) => ({ style: rowKey(r) === selected ? { background: '#e6f4ff' } : {} }),
          render: (s: QueueStatus) => (
            <Tag color={STATUS_COLORS[s]} data-testid="apr-row-status">
              {t(`apr.status.${s}`)}
            </Tag>
          ),
        },
      ]}
    />
  );
}
