// /dashboards/unit/:unitId?campaignId= — a unit's own page: result, main indicators against the group
// average (radar), gap analysis ("Cần thêm X điểm để đạt mức Khá", items ranked by points still
// available), an interactive what-if (nothing saved) and its history over the published campaigns.
import { isRankedKind } from '../../../core/campaign/ranking-applies.ts';
import { useMemo } from 'react';
import { Alert, Card, Col, Result, Row, Space, Statistic, Table, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useUnitDashboard } from '../../api/dashboards.ts';
import { EChart } from '../../components/charts/EChart.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';
import { BandTag } from '../results/BandTag.tsx';
import { radar } from './chartOptions.ts';
import { GapCard } from './GapCard.tsx';
import { WhatIfCard } from './WhatIfCard.tsx';
import { LastYearLine } from './LastYearLine.tsx';

export default function UnitDashboardPage() {
  const t = useT();
  const num = useNum();
  const { unitId } = useParams();
  const [params] = useSearchParams();
  const q = useUnitDashboard(unitId, params.get('campaignId'));
  const option = useMemo(
    () =>
      q.data && q.data.mainIndicators.length >= 3
        ? radar(
            q.data.mainIndicators.map((m) => ({
              code: m.code,
              title: m.title,
              percent: m.percent,
              average: m.groupAveragePercent,
            })),
            { unit: t('dash.unit'), average: t('dash.groupAverage') },
          )
        : null,
    [q.data, t],
  );
  if (q.isLoading) return <PageLoading />;
  if (q.error || !q.data) return <Result status="warning" title={q.error?.message} />;
  const d = q.data;
  const r = d.result;
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${num(v)}%`);
  // A progress round: the points reported instead of a band and a rank (ranking-applies.ts).
  const ranked = isRankedKind(d.campaign.kind);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dash-unit">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('dash.unitTitle', { name: d.unit.name })}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('dash.campaign')}: {d.campaign.name}
        {r ? ` · ${r.group.name}` : ''}
      </Typography.Text>
      {d.provisional && <Alert type="warning" showIcon title={t('dash.provisional')} />}
      {d.unavailable && <Alert type="info" showIcon title={t(`unavailable.${d.unavailable.reason}`)} />}
      {!ranked && <Alert type="info" showIcon title={t('progress.notRanked')} data-testid="dash-not-ranked" />}
      {r && (
        <Card>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic
                title={t('dash.totalPoints')}
                value={`${num(r.finalAfterPenalty)} / ${num(r.applicableMax)}`}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('res.percent')} value={pct(r.percent)} />
            </Col>
            {ranked ? (
              <>
                <Col xs={12} md={6}>
                  <Statistic title={t('res.band')} valueRender={() => <BandTag band={r.band} />} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('res.rank')} value={r.rank === null ? '—' : `${r.rank}/${r.groupSize}`} />
                </Col>
              </>
            ) : (
              <Col xs={12} md={6}>
                <Statistic title={t('progress.selfTotal')} value={`${num(r.selfTotal)} / ${num(r.applicableMax)}`} />
              </Col>
            )}
          </Row>
          {r.progress && (
            <Row gutter={[16, 16]} style={{ marginTop: 12 }} data-testid="dash-unit-progress">
              <Col xs={12} md={6}>
                <Statistic
                  title={t('progress.completion')}
                  value={t('progress.completionValue', {
                    done: r.progress.completion.complete,
                    total: r.progress.completion.applicable,
                  })}
                />
              </Col>
              {(['previous', 'annual'] as const).map((k) => {
                const f = r.progress?.[k];
                return (
                  <Col xs={12} md={6} key={k}>
                    <Statistic
                      title={t(`progress.${k}`)}
                      value={
                        f
                          ? `${num(f.finalTotal ?? f.selfTotal)} (${f.delta > 0 ? '+' : ''}${num(f.delta)})`
                          : t('progress.none')
                      }
                    />
                  </Col>
                );
              })}
            </Row>
          )}
          {d.lastYear && <LastYearLine lastYear={d.lastYear} />}
        </Card>
      )}
      {d.mainIndicators.length > 0 && (
        <Card title={t('dash.mainIndicators')}>
          <Row gutter={[24, 16]}>
            <Col xs={24} lg={12}>
              {option && (
                <EChart option={option} height={320} label={t('dash.mainIndicators')} testId="dash-unit-radar" />
              )}
            </Col>
            <Col xs={24} lg={12}>
              <Table
                size="small"
                rowKey="code"
                pagination={false}
                dataSource={d.mainIndicators}
                columns={[
                  { title: t('dash.item'), key: 'c', render: (_, m) => `${m.code}. ${m.title}` },
                  {
                    title: t('dash.unit'),
                    key: 'p',
                    align: 'right',
                    render: (_, m) => `${num(m.final)}/${num(m.applicableMax)} (${pct(m.percent)})`,
                  },
                  {
                    title: t('dash.groupAverage'),
                    key: 'a',
                    align: 'right',
                    render: (_, m) => pct(m.groupAveragePercent),
                  },
                ]}
              />
            </Col>
          </Row>
        </Card>
      )}
      {d.gap && <GapCard gap={d.gap} />}
      {r && d.gap && <WhatIfCard campaignId={d.campaign.id} unitId={d.unit.id} items={d.gap.items} />}
      {d.history.length > 0 && (
        <Card title={t('dash.history')}>
          <Table
            size="small"
            rowKey="campaignId"
            pagination={false}
            dataSource={d.history}
            columns={[
              {
                title: t('dash.campaign'),
                key: 'c',
                render: (_, h) => <Link to={`/dashboards/unit/${d.unit.id}?campaignId=${h.campaignId}`}>{h.name}</Link>,
              },
              { title: t('res.percent'), key: 'p', align: 'right', render: (_, h) => pct(h.percent) },
              { title: t('res.band'), key: 'b', render: (_, h) => <BandTag band={h.band} /> },
              {
                title: t('res.rank'),
                key: 'r',
                align: 'center',
                render: (_, h) => (h.rank === null ? '—' : `${h.rank}/${h.groupSize}`),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
