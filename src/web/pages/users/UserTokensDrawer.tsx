// API tokens of one account (for other systems): list with scope, expiry and status; create — one scope
// the account holds a role for, a lifetime up to the allowed maximum; the value is shown once with a copy
// button and a warning —; revoke.
import { useState } from 'react';
import {
  Alert,
  Button,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { User } from '../../../contract/users.ts';
import type { ApiToken, CreatedToken, TokenScope } from '../../api/tokens.ts';
import { useCreateToken, useRevokeToken, useTokens } from '../../api/tokens.ts';
import { showDate, showDateTime } from '../../lib/dates.ts';
import { notifyError } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';

const REASONS = ['manual', 'password_changed', 'password_reset', 'role_lost', 'account_disabled'] as const;
const reasonKey = (r: string) =>
  `tok.reason.${(REASONS as readonly string[]).includes(r) ? (r as (typeof REASONS)[number]) : 'other'}` as const;

function TokenStatus({ token, onRevoke }: { token: ApiToken; onRevoke: () => void }) {
  const t = useT();
  if (token.revokedAt) {
    const reason = token.revokedReason ? t(reasonKey(token.revokedReason)) : '';
    return (
      <Tag title={reason}>
        {t('tok.revokedAt', { at: showDateTime(token.revokedAt) })}
        {reason ? ` — ${reason}` : ''}
      </Tag>
    );
  }
  if (!token.active) return <Tag color="orange">{t('tok.expired')}</Tag>;
  return (
    <Space size={4}>
      <Tag color="green">{t('tok.active')}</Tag>
      <Popconfirm title={t('tok.revokeConfirm')} onConfirm={onRevoke}>
        <Button size="small" danger data-testid="token-revoke">
          {t('tok.revoke')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

export function UserTokensDrawer({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const tokens = useTokens(user.id);
  const create = useCreateToken(user.id);
  const revoke = useRevokeToken(user.id);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope | undefined>(undefined);
  const [days, setDays] = useState<number | null>(null);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const info = tokens.data;
  const lifetime = days ?? info?.defaultDays ?? null;
  const available = (info?.scopes ?? []).filter((s) => s.available);
  const chosen = scope ?? (available.length === 1 ? available[0]!.scope : undefined);

  const submit = async () => {
    if (!chosen || !lifetime) return;
    try {
      setCreated(await create.mutateAsync({ name: name.trim(), scope: chosen, expiresInDays: lifetime }));
      setName('');
    } catch (e) {
      notifyError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Drawer
      open
      title={t('tok.title', { name: user.fullName || user.username })}
      size={960}
      onClose={onClose}
      data-testid="tokens-drawer"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('tok.help')}
        </Typography.Paragraph>
        {info && available.length === 0 && <Alert type="info" showIcon title={t('tok.noScope')} />}
        <Form layout="vertical" onFinish={() => void submit()}>
          <Space wrap align="end" size="middle">
            <Form.Item label={t('tok.name')} required style={{ marginBottom: 0 }}>
              <Input
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder={t('tok.namePlaceholder')}
                style={{ width: 240 }}
                data-testid="token-name"
              />
            </Form.Item>
            <Form.Item label={t('tok.scope')} required style={{ marginBottom: 0 }}>
              <Select<TokenScope>
                value={chosen}
                onChange={setScope}
                style={{ width: 240 }}
                data-testid="token-scope"
                placeholder={t('tok.scopePlaceholder')}
                options={(info?.scopes ?? []).map((s) => ({
                  value: s.scope,
                  label: t(`tok.scope.${s.scope}`),
                  disabled: !s.available,
                  title: s.available ? t(`tok.scopeHelp.${s.scope}`) : t('tok.scopeNotHeld'),
                }))}
              />
            </Form.Item>
            <Form.Item
              label={t('tok.lifetime')}
              required
              style={{ marginBottom: 0 }}
              extra={info ? t('tok.lifetimeMax', { n: info.maxDays }) : undefined}
            >
              <InputNumber
                min={1}
                max={info?.maxDays}
                precision={0}
                value={lifetime}
                onChange={(v) => setDays(v)}
                addonAfter={t('tok.days')}
                style={{ width: 150 }}
                data-testid="token-days"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<PlusOutlined />}
              disabled={!name.trim() || !chosen || !lifetime}
              loading={create.isPending}
              data-testid="token-create"
            >
              {t('tok.create')}
            </Button>
          </Space>
        </Form>
        <Table<ApiToken>
          size="small"
          rowKey="id"
          loading={tokens.isLoading}
          dataSource={info?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="tokens-table"
          columns={[
            { title: t('tok.name'), dataIndex: 'name', width: 180 },
            { title: t('tok.scope'), dataIndex: 'scope', width: 140, render: (v: TokenScope) => t(`tok.scope.${v}`) },
            { title: t('tok.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => showDateTime(v) },
            { title: t('tok.expiresAt'), dataIndex: 'expiresAt', width: 110, render: (v: string) => showDate(v) },
            {
              title: t('tok.lastUsed'),
              dataIndex: 'lastUsedAt',
              width: 140,
              render: (v: string | null) => (v ? showDateTime(v) : t('tok.never')),
            },
            {
              title: t('unit.status'),
              key: 'status',
              width: 200,
              render: (_, k) => <TokenStatus token={k} onRevoke={() => revoke.mutate(k.id)} />,
            },
          ]}
        />
      </Space>
      <Modal
        open={!!created}
        title={t('tok.createdTitle')}
        onCancel={() => setCreated(null)}
        footer={
          <Button type="primary" onClick={() => setCreated(null)} data-testid="token-done">
            {t('tok.copiedDone')}
          </Button>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={t('tok.once')} />
          <Typography.Paragraph
            copyable={{ text: created?.token ?? '', tooltips: [t('tok.copy'), t('tok.copied')] }}
            code
            style={{ wordBreak: 'break-all', fontFamily: 'monospace' }}
            data-testid="token-value"
          >
            {created?.token ?? ''}
          </Typography.Paragraph>
          {created && (
            <Typography.Text>
              {t('tok.createdScope', { scope: t(`tok.scope.${created.scope}`), date: showDate(created.expiresAt) })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">{t('tok.usage')}</Typography.Text>
        </Space>
      </Modal>
    </Drawer>
  );
}
