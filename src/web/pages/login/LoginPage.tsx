// /login: username + password; shows the server's message on 401/429; returns to the page the user came from.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useLogin, useMe } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useT } from '../../i18n/context.ts';

interface LoginState {
  from?: string;
  expired?: boolean;
}

function safeTarget(from: string | undefined): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export default function LoginPage() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const state = (location.state ?? {}) as LoginState;
  const target = safeTarget(state.from);
  const me = useMe();
  const login = useLogin();

  if (me.data && !login.isPending) return <Navigate to={target} replace />;

  const onFinish = (values: { username: string; password: string }) => {
    login.mutate(values, { onSuccess: () => navigate(target, { replace: true }) });
  };

  const err = login.error;
  let errorText: string | null = null;
  if (err) {
    errorText = err.message;
    if (err instanceof ApiError && err.code === 'TOO_MANY_ATTEMPTS') {
      const secs = Number(err.details?.['retryAfterSeconds']);
      if (Number.isFinite(secs) && secs > 0 && !errorText.includes(String(secs)))
        errorText += ` (${Math.ceil(secs)} s)`;
    }
  }

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #fff1f0 0%, #f5f5f5 60%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start' }}>
          <div>
            <Typography.Title level={3} style={{ margin: 0, color: '#c8102e' }}>
              {t('appName')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('appTagline')}</Typography.Text>
          </div>
          <LanguageSwitch />
        </div>
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          {t('auth.loginTitle')}
        </Typography.Title>
        {state.expired && !err && (
          <Alert type="info" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />
        )}
        {errorText && (
          <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="login-form">
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Form>
        <div style={{ marginTop: 16, display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 8 }}>
          <a href="/cong-khai" data-testid="login-portal-link">
            {t('portal.link')}
          </a>
          <a href="/huong-dan" data-testid="login-help-link">
            {t('help.link')}
          </a>
        </div>
      </Card>
    </div>
  );
}
