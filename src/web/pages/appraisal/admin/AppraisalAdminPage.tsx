// /campaigns/:id/appraisal-admin — for the DX office and the chair: appraisal bodies and members per group,
// close appraisal per group, approval, publication (signed snapshot) and the snapshots. The units'
// objections take a full-width row above the rest once the results are approved (the chair comes here from
// the inbox to answer them; in the narrow column the text read one word a line), and are not shown before.
import { Button, Col, Result, Row, Space, Typography } from 'antd';
import { AuditOutlined, TrophyOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useBodies } from '../../../api/appraisalAdmin.ts';
import { useCampaign } from '../../../api/campaigns.ts';
import { PageLoading } from '../../../components/PageLoading.tsx';
import { useT } from '../../../i18n/context.ts';
import { StatusTag } from '../../campaigns/CampaignTags.tsx';
import { BodyCard } from './BodyCard.tsx';
import { AuthoritiesCard } from './AuthoritiesCard.tsx';
import { PublishCard } from './PublishCard.tsx';
import { ObjectionsCard } from './ObjectionsCard.tsx';
import { BackLink } from '../../../components/BackLink.tsx';

const AFTER_APPROVAL: readonly string[] = ['approved', 'published', 'archived'];

export default function AppraisalAdminPage() {
  const t = useT();
  const { id } = useParams();
  const campaign = useCampaign(id);
  const bodies = useBodies(id);
  if (campaign.isLoading) return <PageLoading />;
  const c = campaign.data;
  if (!c) return <Result status="warning" title={campaign.error?.message ?? t('common.notFound')} />;
  const byGroup = new Map((bodies.data ?? []).map((b) => [b.groupId, b]));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="adm-page">
      <BackLink to={`/campaigns/${c.id}`}>{c.name}</BackLink>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('adm.title')}
          </Typography.Title>
          <StatusTag status={c.status} />
        </Space>
        <Space wrap>
          <Link to={`/campaigns/${c.id}/appraisal`}>
            <Button icon={<AuditOutlined />}>{t('apr.workspace')}</Button>
          </Link>
          <Link to={`/campaigns/${c.id}/results`}>
            <Button icon={<TrophyOutlined />}>{t('res.title')}</Button>
          </Link>
        </Space>
      </Space>
      {c.rules.objectionWindowDays !== undefined && AFTER_APPROVAL.includes(c.status) && (
        <ObjectionsCard campaignId={c.id} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {c.groups.map((g) => (
              <BodyCard key={g.id} c={c} group={g} gb={byGroup.get(g.id)} />
            ))}
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <PublishCard c={c} />
            <AuthoritiesCard c={c} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
