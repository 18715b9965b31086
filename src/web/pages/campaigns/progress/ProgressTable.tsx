// The progress table: one row per participating unit. At 1440 px every column fits the content area; narrower,
// the middle columns scroll inside the table while the actions stay fixed on the right (and, from a tablet
// up, the unit on the left), so "Xem phiếu" is never scrolled off (issue 14 §6).
import { Button, Grid, Progress, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { CampaignAbilities, ProgressRow } from '../../../../contract/campaigns.ts';
import { showDateTime } from '../../../lib/dates.ts';
import { useT } from '../../../i18n/context.ts';
import { useCodeWords } from '../../../i18n/codes.ts';
import { useNum } from '../../frameworks/format.ts';

// `timing` comes as a string (on_time | late | late_beyond_tolerance | not_submitted | pending).
const TIMING_COLOR: Record<string, string> = {
  on_time: 'green',
  late: 'orange',
  late_beyond_tolerance: 'red',
  not_submitted: 'red',
  pending: 'default',
};

interface Props {
  rows: ProgressRow[];
  loading: boolean;
  abilities: CampaignAbilities;
  onReopen: (r: ProgressRow) => void;
  onRecord: (r: ProgressRow) => void;
}

export function ProgressTable({ rows, loading, abilities, onReopen, onRecord }: Props) {
  const t = useT();
  const words = useCodeWords();
  const num = useNum();
  const screens = Grid.useBreakpoint();
  // A link button whose label wraps inside the narrow actions column.
  const wrap = { paddingInline: 0, whiteSpace: 'normal', height: 'auto', textAlign: 'left' } as const;
  return (
    <Table<ProgressRow>
      rowKey="assessmentId"
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 1160 }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('prog.empty') }}
      data-testid="prog-table"
      onRow={(r) => ({ 'data-testid': `prog-row-${r.unit.code}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('prog.unit'),
          key: 'unit',
          fixed: screens.md ? 'left' : undefined,
          width: 220,
          render: (_, r) => (
            <div>
              <Typography.Text strong>{r.unit.name}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.unit.code}
                {r.unit.parentName ? ` · ${r.unit.parentName}` : ''}
              </Typography.Text>
            </div>
          ),
        },
        {
          title: t('camp.status'),
          key: 'status',
          width: 100,
          render: (_, r) => (
            <Tag
              color={r.stage === 'submitted' ? 'green' : r.stage === 'in_progress' ? 'gold' : 'default'}
              data-testid="prog-status-tag"
            >
              {t(`prog.status.${r.stage}`)}
            </Tag>
          ),
        },
        {
          title: t('prog.done'),
          key: 'done',
          width: 130,
          render: (_, r) => (
            <Progress percent={r.percentDone} size="small" format={() => `${r.itemsDone}/${r.itemsTotal}`} />
          ),
        },
        { title: t('prog.evidence'), dataIndex: 'evidenceCount', width: 80, align: 'right' },
        {
          title: t('prog.selfTotal'),
          key: 'self',
          width: 110,
          align: 'right',
          render: (_, r) => t('as.totalOf', { points: num(r.selfTotal), max: num(r.selfApplicableMax) }),
        },
        { title: t('prog.submittedAt'), key: 'at', width: 130, render: (_, r) => showDateTime(r.submittedAt) },
        {
          title: t('prog.daysLate'),
          key: 'late',
          width: 80,
          align: 'right',
          render: (_, r) => (r.daysLate ? num(r.daysLate) : ''),
        },
        {
          title: t('prog.penalty'),
          key: 'penalty',
          width: 70,
          align: 'right',
          render: (_, r) => (r.penaltyPoints ? num(r.penaltyPoints) : ''),
        },
        {
          title: t('prog.timing'),
          key: 'timing',
          width: 130,
          render: (_, r) => (
            <Tag color={TIMING_COLOR[r.timing] ?? 'default'} style={{ whiteSpace: 'normal' }} data-testid="prog-timing">
              {words.timing(r.timingNote)}
            </Tag>
          ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          fixed: 'right',
          width: 130,
          render: (_, r) => (
            <Space orientation="vertical" size={0} align="start">
              <Link to={`/assessments/${r.assessmentId}`}>
                <Button type="link" size="small" style={wrap} data-testid="prog-open">
                  {t('prog.open')}
                </Button>
              </Link>
              {abilities.reopenAssessments && r.status === 'submitted' && (
                <Button type="link" size="small" style={wrap} onClick={() => onReopen(r)} data-testid="prog-reopen">
                  {t('prog.reopen')}
                </Button>
              )}
              {abilities.recordSubmissions && r.status !== 'submitted' && (
                <Button type="link" size="small" style={wrap} onClick={() => onRecord(r)} data-testid="prog-record">
                  {t('prog.record')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
