// Results of one group: STT, unit, self total, final total, delta, applicable max, percent (2 decimals),
// penalty, band and rank.
import { type ResultScale, scaledValue } from '../../../core/results/scale.ts';
import { Table, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { scoreDelta } from '../../../core/appraisal/index.ts';
import type { UnitResultRow } from '../../api/appraisalTypes.ts';
import { useI18n } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';
import { ScoreDelta } from '../appraisal/ScoreDelta.tsx';
import { BandTag } from './BandTag.tsx';

export function ResultsTable({
  rows,
  groupId,
  campaignId,
  scale = 'points',
}: {
  rows: UnitResultRow[];
  groupId: string;
  campaignId: string;
  /** The campaign's scale (issue 15 §4): on 'index' an index column (0–1) follows the percent. */
  scale?: ResultScale;
}) {
  const { t, lang } = useI18n();
  const num = useNum();
  const pct = (v: number | null) =>
    v === null ? '—' : lang === 'vi' ? `${v.toFixed(2).replace('.', ',')}%` : `${v.toFixed(2)}%`;
  return (
    <Table<UnitResultRow>
      size="small"
      rowKey={(r) => r.unit.id}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 980 }}
      data-testid={`res-table-${groupId}`}
      onRow={(r) => ({ 'data-testid': `res-row-${r.unit.code}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('res.stt'), key: 'stt', width: 56, align: 'center', render: (_, r) => rows.indexOf(r) + 1 },
        {
          title: t('res.unit'),
          key: 'unit',
          render: (_, r) => (
            <>
              <Link to={`/dashboards/unit/${r.unit.id}?campaignId=${campaignId}`} data-testid="res-unit-link">
                {r.unit.name}
              </Link>{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                ({r.unit.code})
              </Typography.Text>
            </>
          ),
        },
        {
          title: t('res.selfTotal'),
          dataIndex: 'selfTotal',
          width: 100,
          align: 'right',
          render: (v: number | null) => num(v),
        },
        {
          title: t('res.finalTotal'),
          dataIndex: 'finalTotal',
          width: 110,
          align: 'right',
          render: (v: number | null) => (
            <Typography.Text strong data-testid="res-final">
              {num(v)}
            </Typography.Text>
          ),
        },
        {
          title: '±',
          key: 'delta',
          width: 70,
          align: 'right',
          render: (_, r) => <ScoreDelta delta={scoreDelta(r.selfTotal, r.finalTotal)} />,
        },
        {
          title: t('res.applicableMax'),
          dataIndex: 'applicableMax',
          width: 110,
          align: 'right',
          render: (v: number | null) => num(v),
        },
        {
          title: t('res.percent'),
          dataIndex: 'percent',
          width: 100,
          align: 'right',
          render: (v: number | null) => <span data-testid="res-percent">{pct(v)}</span>,
        },
        ...(scale === 'index'
          ? [
              {
                title: t('res.index'),
                key: 'index',
                width: 90,
                align: 'right' as const,
                render: (_: unknown, r: UnitResultRow) => {
                  const v = scaledValue('index', r);
                  return v === null ? '—' : lang === 'vi' ? v.toFixed(4).replace('.', ',') : v.toFixed(4);
                },
              },
            ]
          : []),
        {
          title: t('res.penalty'),
          dataIndex: 'penaltyPoints',
          width: 90,
          align: 'right',
          render: (v: number | null) => (v ? num(v) : ''),
        },
        {
          title: t('res.band'),
          key: 'band',
          width: 130,
          render: (_, r) =>
            r.lowestBandReason ? (
              <Tooltip
                title={
                  r.lowestBandReason === 'not_submitted' || r.lowestBandReason === 'late_beyond_tolerance'
                    ? t(`res.lowest.${r.lowestBandReason}`)
                    : r.lowestBandReason
                }
              >
                <span>
                  <BandTag band={r.band} />
                </span>
              </Tooltip>
            ) : (
              <BandTag band={r.band} />
            ),
        },
        {
          title: t('res.rank'),
          dataIndex: 'rank',
          width: 80,
          align: 'center',
          render: (v: number | null, r) =>
            v ?? (r.rankable ? '' : <Typography.Text type="secondary">—</Typography.Text>),
        },
      ]}
    />
  );
}
