// The unit's published result at the top of its own form (issue 14 §1): self total, final total, penalty,
// percent, band and rank as the signed publication states them, and per main indicator the self and final
// points with the change — the whole picture before the item-by-item reasons below.
import { Card, Descriptions, Table, Typography } from 'antd';
import type { UnitPublishedResultView } from '../../../contract/assessments.ts';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';
import { ScoreDelta } from '../appraisal/ScoreDelta.tsx';
import { scoreDelta } from '../../../core/appraisal/index.ts';

type Indicator = UnitPublishedResultView['mainIndicators'][number];

export function UnitResultCard({ r }: { r: UnitPublishedResultView }) {
  const t = useT();
  const num = useNum();
  return (
    <Card size="small" title={t('as.result.title', { version: r.snapshotVersion })} data-testid="as-result">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('as.result.self')}>{num(r.selfTotal)}</Descriptions.Item>
        <Descriptions.Item label={t('as.result.final')}>
          <b data-testid="as-result-final">{num(r.finalAfterPenalty)}</b>
          &nbsp;/ {num(r.applicableMax)}
          <span style={{ marginLeft: 6 }}>
            <ScoreDelta delta={scoreDelta(r.selfTotal, r.finalTotal)} />
          </span>
        </Descriptions.Item>
        {r.penaltyPoints > 0 && (
          <Descriptions.Item label={t('as.result.penalty')}>−{num(r.penaltyPoints)}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('as.result.percent')}>
          {r.percent === null ? '' : `${num(r.percent)}%`}
        </Descriptions.Item>
        {r.band && <Descriptions.Item label={t('as.result.band')}>{r.band.label}</Descriptions.Item>}
        {r.rank !== null && (
          <Descriptions.Item label={t('as.result.rank')}>
            {t('as.result.rankOf', { rank: r.rank, n: r.groupSize })}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Table<Indicator>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={r.mainIndicators}
        scroll={{ x: 420 }}
        data-testid="as-result-indicators"
        columns={[
          {
            title: t('as.result.indicator'),
            key: 'title',
            render: (_, m) => (
              <Typography.Text>
                {m.code}. {m.title}
              </Typography.Text>
            ),
          },
          { title: t('as.result.self'), key: 'self', align: 'right', render: (_, m) => num(m.self) },
          {
            title: t('as.result.final'),
            key: 'final',
            align: 'right',
            render: (_, m) => `${num(m.final)} / ${num(m.applicableMax)}`,
          },
          {
            title: t('as.result.change'),
            key: 'change',
            align: 'right',
            render: (_, m) => <ScoreDelta delta={scoreDelta(m.self, m.final)} />,
          },
        ]}
      />
    </Card>
  );
}
