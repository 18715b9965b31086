// /: welcome, the task inbox (what waits for the user, with deadlines — issue 14 §1), the unit's forms
// (open and past), the user's roles and units, and quick links to the pages their abilities open.
import { Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import { useRoleLabel } from '../../api/roles.ts';
import { NAV_ITEMS, hasUnitRole } from '../../components/navItems.tsx';
import { MyAssessmentsList } from '../assessments/MyAssessmentsList.tsx';
import { useT } from '../../i18n/context.ts';
import { InboxList } from './InboxList.tsx';

export default function HomePage({ me }: { me: Me }) {
  const t = useT();
  const roleLabel = useRoleLabel();
  const links = NAV_ITEMS.filter((i) => i.path !== '/' && i.allowed(me.abilities, me.roles));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }} data-testid="home-welcome">
          {t('home.welcome', { name: me.user.fullName || me.user.username })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('home.intro')}</Typography.Text>
      </div>
      <div data-testid="home-inbox">
        <Typography.Title level={4}>{t('inbox.title')}</Typography.Title>
        <InboxList />
      </div>
      {hasUnitRole(me.roles) && (
        <div data-testid="home-mine">
          <Typography.Title level={4}>{t('as.mineTitle')}</Typography.Title>
          <MyAssessmentsList />
        </div>
      )}
      <Card title={t('home.roles')}>
        {me.roles.length === 0 ? (
          <Empty description={t('home.noRoles')} />
        ) : (
          <List
            dataSource={me.roles}
            rowKey="id"
            renderItem={(r) => (
              <List.Item>
                <Space wrap>
                  <Tag color="red">{roleLabel(r.role)}</Tag>
                  <Typography.Text>{r.unitName}</Typography.Text>
                  {r.subtree && <Tag>{t('home.subtree')}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <div>
        <Typography.Title level={5}>{t('home.quickLinks')}</Typography.Title>
        <Row gutter={[16, 16]}>
          {links.map((l) => (
            <Col key={l.path} xs={24} sm={12} lg={8}>
              <Link to={l.path} data-testid={`quick-${l.path.slice(1)}`}>
                <Card hoverable size="small">
                  <Space align="start">
                    <span style={{ fontSize: 22, color: '#c8102e' }}>{l.icon}</span>
                    <div>
                      <Typography.Text strong>{t(l.label)}</Typography.Text>
                      <br />
                      <Typography.Text type="secondary">{t(l.hint)}</Typography.Text>
                    </div>
                  </Space>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </div>
    </Space>
  );
}
