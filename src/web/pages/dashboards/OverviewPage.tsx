// /dashboards — leaders' and DX offices' overview within their scope: open campaigns' progress and the
// published results (distribution, main-indicator averages, comparison with last year).
import { Empty, Result, Space, Typography } from 'antd';
import { useOverview } from '../../api/dashboards.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useT } from '../../i18n/context.ts';
import { ProgressCard } from './ProgressCard.tsx';
import { ResultsCard } from './ResultsCard.tsx';

export default function OverviewPage() {
  const t = useT();
  const q = useOverview();
  if (q.isLoading) return <PageLoading />;
  if (q.error || !q.data) return <Result status="warning" title={q.error?.message} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dash-overview">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('dash.title')}
      </Typography.Title>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('dash.progress')}
      </Typography.Title>
      {q.data.progress.length === 0 ? (
        <Empty description={t('dash.noOpen')} />
      ) : (
        q.data.progress.map((p) => <ProgressCard key={p.campaign.id} p={p} />)
      )}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('dash.results')}
      </Typography.Title>
      {q.data.results.length === 0 ? (
        <Empty description={t('dash.noResults')} />
      ) : (
        q.data.results.map((r) => <ResultsCard key={r.campaign.id} r={r} />)
      )}
    </Space>
  );
}
