// A published campaign on the overview: band distribution per group, average per main indicator across
// groups, and the comparison with the previous year. A progress round (000 Điều 7.2) has no band
// distribution and no year-over-year ranking: it says so and shows the averages only.
import { useMemo } from 'react';
import { Card, Col, Empty, Row, Typography } from 'antd';
import { isRankedKind } from '../../../core/campaign/ranking-applies.ts';
import type { CampaignResultsSummary } from '../../../contract/dashboard-pages.ts';
import { EChart } from '../../components/charts/EChart.tsx';
import { useT } from '../../i18n/context.ts';
import { averageBars, distributionBars } from './chartOptions.ts';
import { LastYearTable } from './LastYearTable.tsx';

export function ResultsCard({ r }: { r: CampaignResultsSummary }) {
  const t = useT();
  const ranked = isRankedKind(r.campaign.kind);
  const dist = useMemo(
    () => distributionBars(r.distribution.map((d) => ({ name: d.group.name, bands: d.bands }))),
    [r],
  );
  const indicators = useMemo(() => {
    const seen = new Map<string, { code: string; title: string }>();
    for (const g of r.mainIndicatorAverages)
      for (const i of g.indicators) if (!seen.has(i.code)) seen.set(i.code, { code: i.code, title: i.title });
    return [...seen.values()];
  }, [r]);
  const avg = useMemo(
    () =>
      averageBars(
        indicators,
        r.mainIndicatorAverages.map((g) => ({
          name: g.group.name,
          values: indicators.map((i) => g.indicators.find((x) => x.code === i.code)?.averagePercent ?? null),
        })),
      ),
    [r, indicators],
  );
  return (
    <Card title={r.campaign.name} data-testid="dash-results-card">
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          {ranked ? (
            <>
              <Typography.Title level={5}>{t('dash.distribution')}</Typography.Title>
              <EChart
                option={dist}
                height={Math.max(160, 48 * r.distribution.length + 60)}
                label={t('dash.distribution')}
                testId="dash-distribution-chart"
              />
            </>
          ) : (
            <>
              <Typography.Title level={5}>{t('progress.reportTitle')}</Typography.Title>
              <Typography.Paragraph type="secondary" data-testid="dash-not-ranked">
                {t('progress.notRanked')}
              </Typography.Paragraph>
            </>
          )}
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('dash.averages')}</Typography.Title>
          <EChart option={avg} height={280} label={t('dash.averages')} testId="dash-averages-chart" />
        </Col>
      </Row>
      {ranked && (
        <>
          <Typography.Title level={5}>
            {r.lastYear ? t('dash.lastYear', { name: r.lastYear.campaign.name }) : t('dash.noLastYear')}
          </Typography.Title>
          {r.lastYear ? <LastYearTable groups={r.lastYear.groups} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        </>
      )}
    </Card>
  );
}
