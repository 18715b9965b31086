// /campaigns/:id — review and edit a campaign while draft (rules, groups), its transitions (only
// availableActions), progress rounds and the link to the progress page.
import { Button, Col, Descriptions, Result, Row, Space, Typography } from 'antd';
import { BarChartOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useCampaign } from '../../api/campaigns.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useT } from '../../i18n/context.ts';
import { KindTag, StatusTag } from './CampaignTags.tsx';
import { TransitionButtons } from './TransitionButtons.tsx';
import { CampaignExtraActions } from './CampaignExtraActions.tsx';
import { RulesForm } from './RulesForm.tsx';
import { GroupCard } from './GroupCard.tsx';
import { BackLink } from '../../components/BackLink.tsx';

export default function CampaignDetailPage() {
  const t = useT();
  const { id } = useParams();
  const { data: c, isLoading, error } = useCampaign(id);
  if (isLoading) return <PageLoading />;
  if (error || !c) return <Result status="warning" title={error?.message ?? t('common.notFound')} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="camp-detail">
      <BackLink to="/campaigns">{t('camp.back')}</BackLink>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="camp-title">
            {c.name}
          </Typography.Title>
          <Space wrap size={4}>
            <StatusTag status={c.status} />
            <KindTag kind={c.kind} months={c.progressMonths} />
          </Space>
        </div>
        <Space wrap>
          {c.abilities.viewProgress && c.status !== 'draft' && (
            <Link to={`/campaigns/${c.id}/progress`}>
              <Button icon={<BarChartOutlined />} data-testid="camp-view-progress">
                {t('camp.viewProgress')}
              </Button>
            </Link>
          )}
          <TransitionButtons c={c} />
          <CampaignExtraActions c={c} />
        </Space>
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
        <Descriptions.Item label={t('camp.year')}>{c.year}</Descriptions.Item>
        <Descriptions.Item label={t('camp.owner')}>{c.ownerUnit.name}</Descriptions.Item>
        <Descriptions.Item label={t('camp.groups')}>{c.groups.length}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {c.groups.map((g) => (
              <GroupCard key={g.id} c={c} g={g} />
            ))}
          </Space>
        </Col>
        <Col xs={24} xl={12}>
          <RulesForm c={c} />
        </Col>
      </Row>
    </Space>
  );
}
