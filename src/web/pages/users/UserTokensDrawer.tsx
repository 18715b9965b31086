// API tokens of one account (for other systems supplying figures): list, create — the value is shown once
// with a copy button and a warning —, revoke.
import { useState } from 'react';
import { Alert, Button, Drawer, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { User } from '../../api/types.ts';
import type { ApiToken, CreatedToken } from '../../api/tokens.ts';
import { useCreateToken, useRevokeToken, useTokens } from '../../api/tokens.ts';
import { showDateTime } from '../../lib/dates.ts';
import { notifyError } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';

export function UserTokensDrawer({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const tokens = useTokens(user.id);
  const create = useCreateToken(user.id);
  const revoke = useRevokeToken(user.id);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const submit = async () => {
    try {
      setCreated(await create.mutateAsync(name.trim()));
      setName('');
    } catch (e) {
      notifyError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Drawer open title={t('tok.title', { name: user.fullName || user.username })} size={640} onClose={onClose} data-testid="tokens-drawer">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('tok.help')}</Typography.Paragraph>
        <Form layout="inline" onFinish={() => void submit()}>
          <Form.Item label={t('tok.name')} required>
            <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('tok.namePlaceholder')} style={{ width: 260 }} data-testid="token-name" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} disabled={!name.trim()} loading={create.isPending} data-testid="token-create">{t('tok.create')}</Button>
        </Form>
        <Table<ApiToken>
          size="small"
          rowKey="id"
          loading={tokens.isLoading}
          dataSource={tokens.data?.items ?? []}
          pagination={false}
          scroll={{ x: 520 }}
          data-testid="tokens-table"
          columns={[
            { title: t('tok.name'), dataIndex: 'name' },
            { title: t('tok.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => showDateTime(v) },
            { title: t('tok.lastUsed'), dataIndex: 'lastUsedAt', width: 140, render: (v: string | null) => (v ? showDateTime(v) : t('tok.never')) },
            {
              title: t('unit.status'),
              key: 'status',
              width: 170,
              render: (_, k) =>
                k.active ? (
                  <Space size={4}>
                    <Tag color="green">{t('tok.active')}</Tag>
                    <Popconfirm title={t('tok.revokeConfirm')} onConfirm={() => revoke.mutate(k.id)}>
                      <Button size="small" danger data-testid="token-revoke">{t('tok.revoke')}</Button>
                    </Popconfirm>
                  </Space>
                ) : (
                  <Tag>{t('tok.revokedAt', { at: showDateTime(k.revokedAt) })}</Tag>
                ),
            },
          ]}
        />
      </Space>
      <Modal open={!!created} title={t('tok.createdTitle')} onCancel={() => setCreated(null)} footer={<Button type="primary" onClick={() => setCreated(null)} data-testid="token-done">{t('tok.copiedDone')}</Button>}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={t('tok.once')} />
          <Typography.Paragraph copyable={{ text: created?.token ?? '', tooltips: [t('tok.copy'), t('tok.copied')] }} code style={{ wordBreak: 'break-all', fontFamily: 'monospace' }} data-testid="token-value">
            {created?.token ?? ''}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('tok.usage')}</Typography.Text>
        </Space>
      </Modal>
    </Drawer>
  );
}
