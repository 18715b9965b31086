// A progress round's results (Báo cáo tiến độ, 000 Điều 7.2: "chỉ đánh giá mức độ thực hiện, không đánh
// giá xếp loại"): per unit its completion, the points it reported, the previous round and the annual
// result with the change — never a band, a rank or a penalty (core/campaign/ranking-applies.ts).
import { Table, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { UnitResultRow } from '../../api/appraisalTypes.ts';
import { useI18n } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';

type Compared = NonNullable<NonNullable<UnitResultRow['progress']>['previous']>;

export function ProgressResultsTable({
  rows,
  groupId,
  campaignId,
}: {
  rows: UnitResultRow[];
  groupId: string;
  campaignId: string;
}) {
  const { t } = useI18n();
  const num = useNum();
  // The figure compared with: appraised points when that campaign has them, else the points reported.
  const versus = (f: Compared | null | undefined) => {
    if (!f) return <Typography.Text type="secondary">{t('progress.none')}</Typography.Text>;
    const value = f.finalTotal ?? f.selfTotal;
    const sign = f.delta > 0 ? '+' : '';
    return (
      <Tooltip title={t('progress.compareTip', { name: f.campaignName, value: num(value) })}>
        <span>
          {num(value)}{' '}
          <Typography.Text type={f.delta < 0 ? 'danger' : f.delta > 0 ? 'success' : 'secondary'}>
            ({sign}
            {num(f.delta)})
          </Typography.Text>
        </span>
      </Tooltip>
    );
  };
  const timing = (r: UnitResultRow) =>
    r.timing === 'not_submitted'
      ? t('progress.timing.not_submitted')
      : r.timing === 'on_time'
        ? t('progress.timing.on_time')
        : t('progress.timing.late', { n: r.daysLate ?? 0 });
  return (
    <Table<UnitResultRow>
      size="small"
      rowKey={(r) => r.unit.id}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 900 }}
      data-testid={`res-progress-table-${groupId}`}
      onRow={(r) => ({ 'data-testid': `res-row-${r.unit.code}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('res.stt'), key: 'stt', width: 56, align: 'center', render: (_, r) => rows.indexOf(r) + 1 },
        {
          title: t('res.unit'),
          key: 'unit',
          render: (_, r) => (
            <>
              <Link to={`/dashboards/unit/${r.unit.id}?campaignId=${campaignId}`}>{r.unit.name}</Link>{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                ({r.unit.code})
              </Typography.Text>
            </>
          ),
        },
        {
          title: t('progress.completion'),
          key: 'completion',
          width: 140,
          align: 'center',
          render: (_, r) =>
            r.progress ? (
              <span data-testid="res-completion">
                {t('progress.completionValue', {
                  done: r.progress.completion.complete,
                  total: r.progress.completion.applicable,
                })}
              </span>
            ) : (
              '—'
            ),
        },
        {
          title: t('progress.selfTotal'),
          dataIndex: 'selfTotal',
          width: 110,
          align: 'right',
          render: (v: number) => num(v),
        },
        {
          title: t('progress.previous'),
          key: 'prev',
          width: 140,
          align: 'right',
          render: (_, r) => versus(r.progress?.previous),
        },
        {
          title: t('progress.annual'),
          key: 'annual',
          width: 140,
          align: 'right',
          render: (_, r) => versus(r.progress?.annual),
        },
        { title: t('progress.submission'), key: 'timing', width: 150, render: (_, r) => timing(r) },
      ]}
    />
  );
}
