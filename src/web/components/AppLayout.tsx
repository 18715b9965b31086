// Authenticated shell: side menu (a drawer on phones), header with the user's name, profile link and logout.
import { useState } from 'react';
import { Button, Drawer, Grid, Layout, Space, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { ReactNode } from 'react';
import type { Me } from '../../contract/auth.ts';
import { useLogout } from '../api/auth.ts';
import { NavMenu } from './NavMenu.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { HelpLink } from './HelpLink.tsx';
import { useT } from '../i18n/context.ts';

function Brand({ light = false }: { light?: boolean }) {
  const t = useT();
  return (
    <Link to="/" style={{ color: light ? '#fff' : '#c8102e', fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap' }}>
      {t('appName')}
    </Link>
  );
}

export function AppLayout({ me, content }: { me: Me; content: ReactNode }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const logout = useLogout();
  const navigate = useNavigate();

  const doLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Layout.Sider
          theme="light"
          width={232}
          breakpoint="lg"
          collapsible={false}
          style={{ borderInlineEnd: '1px solid #f0f0f0' }}
        >
          <div style={{ padding: '16px 24px' }}>
            <Brand />
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('appTagline')}
            </Typography.Text>
          </div>
          <NavMenu abilities={me.abilities} roles={me.roles} />
        </Layout.Sider>
      )}
      <Drawer
        open={isPhone && drawerOpen}
        placement="left"
        size={260}
        onClose={() => setDrawerOpen(false)}
        title={<Brand />}
        styles={{ body: { padding: 0 } }}
      >
        <NavMenu abilities={me.abilities} roles={me.roles} onNavigate={() => setDrawerOpen(false)} />
      </Drawer>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: isPhone ? '0 12px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
            height: 56,
            lineHeight: '56px',
          }}
        >
          {isPhone && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.menu')}
              onClick={() => setDrawerOpen(true)}
              data-testid="menu-toggle"
            />
          )}
          {isPhone && <Brand />}
          <div style={{ flex: 1 }} />
          <Space size={isPhone ? 4 : 12}>
            <HelpLink roles={me.roles} compact={isPhone} />
            <LanguageSwitch />
            <NotificationBell />
            <Link to="/profile" data-testid="header-profile" title={t('nav.profile')}>
              <Space size={4}>
                <UserOutlined />
                {!isPhone && <span data-testid="header-user-name">{me.user.fullName || me.user.username}</span>}
              </Space>
            </Link>
            <Button
              icon={<LogoutOutlined />}
              onClick={doLogout}
              loading={logout.isPending}
              data-testid="logout-button"
              aria-label={t('auth.logout')}
            >
              {!isPhone && t('auth.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 8 : 24, minWidth: 0 }}>{content}</Layout.Content>
      </Layout>
    </Layout>
  );
}
