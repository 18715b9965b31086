// /users: paginated, searchable user list; create/edit, role assignments, import from Excel.
import { useDeferredValue, useState } from 'react';
import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import {
  EditOutlined,
  KeyOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { User } from '../../../contract/users.ts';
import { useImportUsers, useUsers } from '../../api/users.ts';
import { useRoleLabel } from '../../api/roles.ts';
import { ImportModal } from '../../components/ImportModal.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { UserRolesDrawer } from './UserRolesDrawer.tsx';
import { UserTokensDrawer } from './UserTokensDrawer.tsx';
import { useT } from '../../i18n/context.ts';

type Dialog =
  | { kind: 'form'; user: User | null }
  | { kind: 'roles'; user: User }
  | { kind: 'tokens'; user: User }
  | { kind: 'import' }
  | null;

export default function UsersPage() {
  const t = useT();
  const roleLabel = useRoleLabel();
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, isFetching } = useUsers(query, page, pageSize);
  const importUsers = useImportUsers();
  const [dialog, setDialog] = useState<Dialog>(null);
  const canCreate = data?.abilities?.create !== false;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Typography.Title level={3} style={{ margin: 0, flex: '1 1 auto' }}>
          {t('nav.users')}
        </Typography.Title>
        {canCreate && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'form', user: null })}
            data-testid="user-create"
          >
            {t('common.create')}
          </Button>
        )}
        {canCreate && (
          <Button icon={<UploadOutlined />} onClick={() => setDialog({ kind: 'import' })} data-testid="user-import">
            {t('user.import')}
          </Button>
        )}
      </div>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('user.searchPlaceholder')}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setPage(1);
        }}
        style={{ maxWidth: 420 }}
        data-testid="user-search"
      />
      <Table<User>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: t('user.username'), dataIndex: 'username', width: 150 },
          { title: t('user.fullName'), dataIndex: 'fullName', width: 200 },
          { title: t('user.email'), dataIndex: 'email', ellipsis: true },
          {
            title: t('user.roles'),
            key: 'roles',
            render: (_: unknown, u) => (
              <Space wrap size={[4, 4]}>
                {u.roles.map((r) => (
                  <Tag key={r.id} title={r.unitName} style={{ whiteSpace: 'normal' }}>
                    {roleLabel(r.role)} · {r.unitName}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('unit.status'),
            dataIndex: 'active',
            width: 140,
            render: (a: boolean) =>
              a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, u) => (
              <Space size={4}>
                {u.abilities.update && (
                  <Button
                    size="small"
                    icon={<KeyOutlined />}
                    title={t('tok.manage')}
                    aria-label={t('tok.manage')}
                    onClick={() => setDialog({ kind: 'tokens', user: u })}
                    data-testid="user-tokens"
                  />
                )}
                {u.abilities.update && (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    title={t('common.edit')}
                    aria-label={t('common.edit')}
                    onClick={() => setDialog({ kind: 'form', user: u })}
                  />
                )}
                {(u.abilities.assignRoles || u.roles.length > 0) && (
                  <Button
                    size="small"
                    icon={<SafetyCertificateOutlined />}
                    title={t('user.manageRoles')}
                    aria-label={t('user.manageRoles')}
                    onClick={() => setDialog({ kind: 'roles', user: u })}
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'form' && <UserFormModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'roles' && <UserRolesDrawer user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'tokens' && <UserTokensDrawer user={dialog.user} onClose={() => setDialog(null)} />}
      <ImportModal
        open={dialog?.kind === 'import'}
        title={t('user.importTitle')}
        help={t('user.importColumns')}
        accept=".xlsx"
        mutation={importUsers}
        problemWords="userImport"
        successText={(r) => t('user.importDone', { created: r.created })}
        onClose={() => setDialog(null)}
        template={{ url: '/users/import-template', name: 'mau-nhap-tai-khoan.xlsx' }}
      />
    </Space>
  );
}
