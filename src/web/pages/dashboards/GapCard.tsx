// Gap analysis: points still needed for each higher band ("Cần thêm X điểm để đạt mức Khá"), the
// headroom, and the items ranked by points still available.
import { Alert, Card, Space, Table, Typography } from 'antd';
import type { UnitDashboard } from '../../../contract/dashboard-pages.ts';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';

type Gap = NonNullable<UnitDashboard['gap']>;

export function GapCard({ gap }: { gap: Gap }) {
  const t = useT();
  const num = useNum();
  const blocked =
    gap.blockedBy === 'top_band'
      ? 'dash.topBand'
      : gap.blockedBy === 'forced_lowest_band'
        ? 'dash.forcedBand'
        : gap.blockedBy === 'not_rankable'
          ? 'dash.notRankableGap'
          : null;
  return (
    <Card title={t('dash.gap')} data-testid="dash-gap">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {blocked && <Alert type="info" showIcon title={t(blocked)} />}
        {gap.targets.map((x) => (
          <Alert
            key={x.band.code}
            type={x.reachable ? 'success' : 'warning'}
            showIcon
            data-testid="dash-gap-target"
            title={t(x.reachable ? 'dash.needMore' : 'dash.unreachable', {
              points: num(x.pointsNeeded),
              band: x.band.label,
            })}
          />
        ))}
        <Typography.Text type="secondary">{t('dash.headroom', { points: num(gap.headroom) })}</Typography.Text>
        {gap.items.length > 0 && (
          <>
            <Typography.Title level={5}>{t('dash.items')}</Typography.Title>
            <Table
              size="small"
              rowKey="code"
              dataSource={gap.items}
              pagination={gap.items.length > 10 ? { pageSize: 10 } : false}
              data-testid="dash-gap-items"
              columns={[
                { title: t('dash.item'), key: 'c', render: (_, i) => `${i.code}. ${i.title}` },
                {
                  title: t('dash.available'),
                  key: 'a',
                  align: 'right',
                  width: 120,
                  render: (_, i) => num(i.available),
                },
                {
                  title: t('dash.effective'),
                  key: 'e',
                  align: 'right',
                  width: 120,
                  render: (_, i) => num(i.effective),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
