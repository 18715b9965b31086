// Create or edit a user. Creating sends the account with its first role in one request (an account never
// waits role-less for a second step); more roles are added in the roles drawer. The password is required
// on create, optional (reset) on edit; the username can be changed by whoever manages the account.
import { Alert, Button, Divider, Form, Input, Modal, Switch, Typography } from 'antd';
import type { User } from '../../../contract/users.ts';
import { useSaveUser } from '../../api/users.ts';
import { useServerError } from '../../hooks/useServerError.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';
import { RoleFields, type RoleValues, useRoleSubtreeDefault } from './RoleFields.tsx';

interface Values extends Partial<RoleValues> {
  username: string;
  fullName: string;
  email: string;
  phone: string;
  password: string;
  active: boolean;
}

export function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const save = useSaveUser();
  const server = useServerError(form);
  const subtreeDefault = useRoleSubtreeDefault(form);

  const onFinish = (v: Values) => {
    server.clear();
    const common = {
      username: v.username.trim(),
      fullName: v.fullName.trim(),
      email: v.email?.trim() || null,
      phone: v.phone?.trim() || null,
      active: v.active,
    };
    const body = user
      ? {
          id: user.id,
          ...common,
          ...(common.username === user.username ? { username: undefined } : {}),
          ...(v.password ? { password: v.password } : {}),
        }
      : { ...common, password: v.password, roles: [{ role: v.role!, unitId: v.unitId!, subtree: !!v.subtree }] };
    save.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('common.saved'));
        onClose();
      },
      onError: server.apply,
    });
  };

  return (
    <Modal
      open
      title={t(user ? 'user.editTitle' : 'user.createTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          htmlType="submit"
          form="user-form"
          loading={save.isPending}
          data-testid="user-form-submit"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      {server.error && <Alert type="error" showIcon title={server.error.message} style={{ marginBottom: 16 }} />}
      <Form<Values>
        id="user-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={subtreeDefault}
        initialValues={{
          username: user?.username ?? '',
          fullName: user?.fullName ?? '',
          email: user?.email ?? '',
          phone: user?.phone ?? '',
          password: '',
          active: user?.active ?? true,
          subtree: false,
        }}
      >
        <Form.Item
          name="username"
          label={t('user.username')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input autoComplete="off" maxLength={64} data-testid="user-form-username" />
        </Form.Item>
        <Form.Item
          name="fullName"
          label={t('user.fullName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={255} data-testid="user-form-fullname" />
        </Form.Item>
        <Form.Item name="email" label={t('user.email')} rules={[{ type: 'email', message: t('profile.emailInvalid') }]}>
          <Input maxLength={255} />
        </Form.Item>
        <Form.Item name="phone" label={t('user.phone')}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t(user ? 'user.newPasswordOptional' : 'user.password')}
          rules={user ? [] : [{ required: true, message: t('common.required') }]}
          extra={user ? t('user.resetEffects') : undefined}
        >
          <Input.Password autoComplete="new-password" data-testid="user-form-password" />
        </Form.Item>
        <Form.Item name="active" label={t('user.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {!user && (
          <>
            <Divider titlePlacement="start" plain>
              {t('user.firstRole')}
            </Divider>
            <Typography.Paragraph type="secondary">{t('user.firstRoleHelp')}</Typography.Paragraph>
            <RoleFields testIdPrefix="user-form-role" />
          </>
        )}
      </Form>
    </Modal>
  );
}
