// /appraisal — the groups where the caller has appraisal work (support team, council, parent unit), each
// linking to its campaign's workspace.
import { useMemo } from 'react';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useQueue } from '../../api/appraisal.ts';
import type { QueueGroup } from '../../api/appraisalTypes.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useT } from '../../i18n/context.ts';

export default function MyAppraisalPage() {
  const t = useT();
  const queue = useQueue({ mode: 'unit' });
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of queue.data?.items ?? [])
      if (r.groupId && r.status !== 'final') m.set(r.groupId, (m.get(r.groupId) ?? 0) + 1);
    return m;
  }, [queue.data]);
  if (queue.isLoading) return <PageLoading />;
  const groups = queue.data?.groups ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="apr-mine">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('apr.mine')}
      </Typography.Title>
      {groups.length === 0 ? (
        <Empty description={t('apr.mineEmpty')} />
      ) : (
        <List<QueueGroup>
          grid={{ gutter: 16, xs: 1, md: 2, xl: 3 }}
          dataSource={groups}
          renderItem={(g) => (
            <List.Item>
              <Card size="small" title={g.campaignName} data-testid="apr-mine-group">
                <Space orientation="vertical">
                  <Typography.Text strong>{g.name}</Typography.Text>
                  <Space wrap size={4}>
                    {g.position && <Tag color="purple">{t(`position.${g.position}`)}</Tag>}
                    <Tag>{g.bodyKind === 'council' ? t('adm.kind.council') : t('adm.kind.parent_unit')}</Tag>
                    <Tag color="orange">{t('apr.open', { n: counts.get(g.id) ?? 0 })}</Tag>
                  </Space>
                  <Link to={`/campaigns/${g.campaignId}/appraisal`}>
                    <Button type="primary" data-testid="apr-mine-open">
                      {t('apr.workspace')}
                    </Button>
                  </Link>
                </Space>
              </Card>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
