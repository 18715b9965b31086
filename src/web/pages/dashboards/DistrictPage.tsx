// /dashboards/district/:unitId?campaignId= — a district's communes in one campaign: average, lowest,
// highest, band distribution and the list with ranks in the group and in the district.
import { useMemo } from 'react';
import { Alert, Card, Col, Result, Row, Space, Statistic, Table, type TableColumnsType, Typography } from 'antd';
import { isRankedKind } from '../../../core/campaign/ranking-applies.ts';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useDistrict } from '../../api/dashboards.ts';
import type { DistrictCommune } from '../../../contract/dashboard-pages.ts';
import { EChart } from '../../components/charts/EChart.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';
import { BandTag } from '../results/BandTag.tsx';
import { distributionBars } from './chartOptions.ts';

export default function DistrictPage() {
  const t = useT();
  const num = useNum();
  const { unitId } = useParams();
  const [params] = useSearchParams();
  const campaignId = params.get('campaignId');
  const q = useDistrict(unitId, campaignId);
  const option = useMemo(
    () =>
      q.data?.summary?.distribution
        ? distributionBars([{ name: q.data.district.name, bands: q.data.summary.distribution.bands }])
        : null,
    [q.data],
  );
  if (q.isLoading) return <PageLoading />;
  if (q.error || !q.data) return <Result status="warning" title={q.error?.message} />;
  const d = q.data;
  const pct = (v: number | null) => (v === null ? '—' : `${num(v)}%`);
  // A progress round: no band, no rank columns (000 Điều 7.2; core/campaign/ranking-applies.ts).
  const ranked = isRankedKind(d.campaign.kind);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dash-district">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('dash.districtTitle', { name: d.district.name })}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('dash.campaign')}: {d.campaign.name}
      </Typography.Text>
      {!ranked && <Alert type="info" showIcon title={t('progress.notRanked')} data-testid="dash-not-ranked" />}
      {d.provisional && <Alert type="warning" showIcon title={t('dash.provisional')} />}
      {d.unavailable && <Alert type="info" showIcon title={t(`unavailable.${d.unavailable.reason}`)} />}
      {d.summary && (
        <Card>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic title={t('dash.average')} value={pct(d.summary.averagePercent)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('dash.min')} value={pct(d.summary.minPercent)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('dash.max')} value={pct(d.summary.maxPercent)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('dash.counted')} value={`${d.summary.counted}/${d.summary.total}`} />
            </Col>
          </Row>
          {option && (
            <EChart option={option} height={140} label={t('dash.distribution')} testId="dash-district-chart" />
          )}
        </Card>
      )}
      {d.communes.length > 0 && (
        <Table<DistrictCommune>
          size="small"
          rowKey={(r) => r.unit.id}
          dataSource={d.communes}
          pagination={d.communes.length > 50 ? { pageSize: 50 } : false}
          scroll={{ x: 760 }}
          data-testid="dash-communes"
          columns={[
            {
              title: t('res.unit'),
              key: 'u',
              render: (_, r) => (
                <Link to={`/dashboards/unit/${r.unit.id}?campaignId=${d.campaign.id}`}>{r.unit.name}</Link>
              ),
            },
            { title: t('dash.group'), key: 'g', render: (_, r) => r.group.name },
            { title: t('res.percent'), key: 'p', align: 'right', render: (_, r) => pct(r.percent) },
            ...(!ranked
              ? ([
                  {
                    title: t('progress.completion'),
                    key: 'c',
                    align: 'center',
                    render: (_, r) =>
                      r.progress
                        ? t('progress.completionValue', {
                            done: r.progress.completion.complete,
                            total: r.progress.completion.applicable,
                          })
                        : '—',
                  },
                ] satisfies TableColumnsType<DistrictCommune>)
              : []),
            ...(ranked
              ? ([
                  { title: t('res.band'), key: 'b', render: (_, r) => <BandTag band={r.band} /> },
                  {
                    title: t('dash.rankInGroup'),
                    key: 'rg',
                    align: 'center',
                    render: (_, r) => (r.rank === null ? '—' : `${r.rank}/${r.groupSize}`),
                  },
                  {
                    title: t('dash.rankInDistrict'),
                    key: 'rd',
                    align: 'center',
                    render: (_, r) => r.districtRank ?? '—',
                  },
                ] satisfies TableColumnsType<DistrictCommune>)
              : []),
          ]}
        />
      )}
    </Space>
  );
}
