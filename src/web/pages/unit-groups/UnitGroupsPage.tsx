// /unit-groups: paginated list of unit groups with create, edit, members and delete.
import { useState } from 'react';
import { Button, Popconfirm, Space, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import type { UnitGroup } from '../../../contract/unit-groups.ts';
import { useDeleteGroup, useUnitGroups } from '../../api/unitGroups.ts';
import { formatNumberVi } from '../../../core/text/vietnamese.ts';
import { GroupFormModal } from './GroupFormModal.tsx';
import { GroupMembersModal } from './GroupMembersModal.tsx';
import { useT } from '../../i18n/context.ts';

type Dialog = { kind: 'form'; group: UnitGroup | null } | { kind: 'members'; group: UnitGroup } | null;

export default function UnitGroupsPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, isFetching } = useUnitGroups(page, pageSize);
  const del = useDeleteGroup();
  const [dialog, setDialog] = useState<Dialog>(null);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Typography.Title level={3} style={{ margin: 0, flex: '1 1 auto' }}>
          {t('group.title')}
        </Typography.Title>
        {data?.abilities?.create !== false && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'form', group: null })}
            data-testid="group-create"
          >
            {t('common.create')}
          </Button>
        )}
      </div>
      <Table<UnitGroup>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 720 }}
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
          { title: t('group.code'), dataIndex: 'code', width: 140 },
          { title: t('group.name'), dataIndex: 'name' },
          { title: t('group.description'), dataIndex: 'description', ellipsis: true },
          {
            title: t('group.memberCount'),
            dataIndex: 'memberCount',
            width: 110,
            align: 'right',
            render: (n: number) => formatNumberVi(n),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, g) => (
              <Space size={4}>
                {g.abilities.update && (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    title={t('common.edit')}
                    aria-label={t('common.edit')}
                    onClick={() => setDialog({ kind: 'form', group: g })}
                  />
                )}
                {g.abilities.update && (
                  <Button
                    size="small"
                    icon={<TeamOutlined />}
                    title={t('group.editMembers')}
                    aria-label={t('group.editMembers')}
                    onClick={() => setDialog({ kind: 'members', group: g })}
                  />
                )}
                {g.abilities.delete && (
                  <Popconfirm
                    title={t('common.confirmDelete')}
                    onConfirm={() => del.mutate(g.id)}
                    okText={t('common.delete')}
                    cancelText={t('common.cancel')}
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      title={t('common.delete')}
                      aria-label={t('common.delete')}
                    />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'form' && <GroupFormModal group={dialog.group} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'members' && <GroupMembersModal group={dialog.group} onClose={() => setDialog(null)} />}
    </Space>
  );
}
