// /profile: edit own name, e-mail, phone; change password (current + new + confirm).
import { Alert, Button, Card, Col, Form, Input, Row } from 'antd';
import type { Me } from '../../../contract/auth.ts';
import { useChangePassword, useUpdateProfile } from '../../api/auth.ts';
import { useServerError } from '../../hooks/useServerError.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';

interface ProfileValues {
  fullName: string;
  email: string;
  phone: string;
}

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ProfilePage({ me }: { me: Me }) {
  const t = useT();
  const [profileForm] = Form.useForm<ProfileValues>();
  const [pwForm] = Form.useForm<PasswordValues>();
  const update = useUpdateProfile();
  const change = useChangePassword();
  const pwError = useServerError(pwForm);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t('profile.title')}>
          <Form<ProfileValues>
            form={profileForm}
            layout="vertical"
            initialValues={{ fullName: me.user.fullName, email: me.user.email ?? '', phone: me.user.phone ?? '' }}
            onFinish={(v) =>
              update.mutate(
                { fullName: v.fullName.trim(), email: v.email?.trim() || null, phone: v.phone?.trim() || null },
                { onSuccess: () => notifySuccess(t('common.saved')) },
              )
            }
          >
            <Form.Item label={t('user.username')}>
              <Input value={me.user.username} disabled />
            </Form.Item>
            <Form.Item
              name="fullName"
              label={t('user.fullName')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input maxLength={255} data-testid="profile-fullname" />
            </Form.Item>
            <Form.Item
              name="email"
              label={t('user.email')}
              rules={[{ type: 'email', message: t('profile.emailInvalid') }]}
            >
              <Input maxLength={255} />
            </Form.Item>
            <Form.Item name="phone" label={t('user.phone')}>
              <Input maxLength={32} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="profile-save">
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('profile.changePassword')}>
          {pwError.error && <Alert type="error" showIcon title={pwError.error.message} style={{ marginBottom: 16 }} />}
          <Form<PasswordValues>
            form={pwForm}
            layout="vertical"
            onFinish={(v) => {
              pwError.clear();
              change.mutate(
                { currentPassword: v.currentPassword, newPassword: v.newPassword },
                {
                  onSuccess: () => {
                    notifySuccess(t('profile.passwordChanged'));
                    pwForm.resetFields();
                  },
                  onError: pwError.apply,
                },
              );
            }}
          >
            <Form.Item
              name="currentPassword"
              label={t('profile.currentPassword')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input.Password autoComplete="current-password" data-testid="pw-current" />
            </Form.Item>
            <Form.Item
              name="newPassword"
              label={t('profile.newPassword')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input.Password autoComplete="new-password" data-testid="pw-new" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('profile.confirmPassword')}
              dependencies={['newPassword']}
              rules={[
                { required: true, message: t('common.required') },
                ({ getFieldValue }) => ({
                  validator: (_, value: string) =>
                    !value || getFieldValue('newPassword') === value
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('profile.passwordMismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="pw-confirm" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="pw-submit">
              {t('profile.changePassword')}
            </Button>
          </Form>
        </Card>
      </Col>
    </Row>
  );
}
