// Role assignments of one user: list with remove, and a form to add (role, unit, subtree).
import { Alert, Button, Drawer, Form, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { User } from '../../../contract/users.ts';
import { useAddRole, useRemoveRole, useUser } from '../../api/users.ts';
import { useRoleLabel } from '../../api/roles.ts';
import { useServerError } from '../../hooks/useServerError.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';
import { RoleFields, type RoleValues as Values, useRoleSubtreeDefault } from './RoleFields.tsx';

export function UserRolesDrawer({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const { data: fresh } = useUser(user.id);
  const current = fresh ?? user;
  const roleLabel = useRoleLabel();
  const add = useAddRole();
  const remove = useRemoveRole();
  const [form] = Form.useForm<Values>();
  const server = useServerError(form);
  const subtreeDefault = useRoleSubtreeDefault(form);

  const onFinish = (v: Values) => {
    server.clear();
    add.mutate(
      { userId: user.id, role: v.role, unitId: v.unitId, subtree: !!v.subtree },
      {
        onSuccess: () => {
          notifySuccess(t('common.saved'));
          form.resetFields();
        },
        onError: server.apply,
      },
    );
  };

  return (
    <Drawer open onClose={onClose} title={t('user.rolesTitle', { name: current.fullName })} size={520} destroyOnHidden>
      <List
        dataSource={current.roles}
        rowKey="id"
        locale={{ emptyText: t('common.none') }}
        renderItem={(r) => (
          <List.Item
            actions={
              current.abilities.assignRoles
                ? [
                    <Popconfirm
                      key="rm"
                      title={t('user.removeRole')}
                      onConfirm={() => remove.mutate({ userId: user.id, assignmentId: r.id })}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                    >
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('user.removeRole')} />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space wrap size={4}>
              <Tag color="red">{roleLabel(r.role)}</Tag>
              <Typography.Text>{r.unitName}</Typography.Text>
              {r.subtree && <Tag>{t('home.subtree')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
      {current.abilities.assignRoles && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('user.addRole')}
          </Typography.Title>
          {server.error && <Alert type="error" showIcon title={server.error.message} style={{ marginBottom: 12 }} />}
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={onFinish}
            initialValues={{ subtree: false }}
            onValuesChange={subtreeDefault}
          >
            <RoleFields />
            <Button
              type="primary"
              htmlType="submit"
              icon={<PlusOutlined />}
              loading={add.isPending}
              data-testid="role-add"
            >
              {t('user.addRole')}
            </Button>
          </Form>
        </>
      )}
    </Drawer>
  );
}
