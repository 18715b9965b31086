// An open campaign's progress: summary figures, per group (stacked bars) and per district (table with a
// link to the district's communes).
import { useMemo } from 'react';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { CampaignProgress, ProgressCounts } from '../../../contract/dashboard-pages.ts';
import { EChart } from '../../components/charts/EChart.tsx';
import { useT } from '../../i18n/context.ts';
import { showDate } from '../../lib/dates.ts';
import { stackedBars } from './chartOptions.ts';

type DistrictRow = CampaignProgress['districts'][number];

export function ProgressCard({ p }: { p: CampaignProgress }) {
  const t = useT();
  const option = useMemo(
    () =>
      stackedBars(
        p.groups.map((g) => g.group.name),
        [
          { name: t('dash.submitted'), color: '#389e0d', values: p.groups.map((g) => g.submitted) },
          { name: t('dash.inProgress'), color: '#1677ff', values: p.groups.map((g) => g.inProgress) },
          { name: t('dash.notStarted'), color: '#bfbfbf', values: p.groups.map((g) => g.notStarted) },
        ],
      ),
    [p, t],
  );
  const n = (k: keyof ProgressCounts) => ({
    title: t(`dash.${k}` as 'dash.total'),
    dataIndex: k,
    width: 90,
    align: 'right' as const,
  });
  return (
    <Card
      title={<Link to={`/campaigns/${p.campaign.id}/progress`}>{p.campaign.name}</Link>}
      data-testid="dash-progress-card"
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} sm={8} md={4}>
          <Statistic title={t('dash.total')} value={p.summary.total} />
        </Col>
        <Col xs={12} sm={8} md={4}>
          <Statistic
            title={t('dash.submitted')}
            value={p.summary.submitted}
            styles={{ content: { color: '#389e0d' } }}
          />
        </Col>
        <Col xs={12} sm={8} md={4}>
          <Statistic title={t('dash.late')} value={p.summary.late} />
        </Col>
        <Col xs={12} sm={8} md={4}>
          <Statistic
            title={t('dash.overdue')}
            value={p.summary.overdue}
            styles={{ content: { color: p.summary.overdue ? '#cf1322' : undefined } }}
          />
        </Col>
        <Col xs={12} sm={8} md={4}>
          <Statistic title={t('dash.inProgress')} value={p.summary.inProgress} />
        </Col>
        <Col xs={12} sm={8} md={4}>
          <Statistic title={t('dash.notStarted')} value={p.summary.notStarted} />
        </Col>
      </Row>
      <Typography.Title level={5}>{t('dash.byGroup')}</Typography.Title>
      <EChart
        option={option}
        height={Math.max(140, 48 * p.groups.length + 60)}
        label={t('dash.byGroup')}
        testId="dash-progress-chart"
      />
      <Typography.Paragraph type="secondary">
        {p.groups
          .map((g) => `${g.group.name}: ${t('dash.deadline').toLowerCase()} ${showDate(g.deadline)}`)
          .join(' · ')}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('dash.byDistrict')}</Typography.Title>
      <Table<DistrictRow>
        size="small"
        rowKey={(r) => r.district?.id ?? 'none'}
        dataSource={p.districts}
        pagination={p.districts.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 640 }}
        data-testid="dash-districts"
        columns={[
          {
            title: t('dash.district'),
            key: 'd',
            render: (_, r) =>
              r.district ? (
                <Link to={`/dashboards/district/${r.district.id}?campaignId=${p.campaign.id}`}>{r.district.name}</Link>
              ) : (
                t('dash.noDistrict')
              ),
          },
          n('total'),
          n('submitted'),
          n('late'),
          n('inProgress'),
          n('notStarted'),
        ]}
      />
    </Card>
  );
}
