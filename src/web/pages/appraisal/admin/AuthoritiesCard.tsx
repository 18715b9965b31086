// Who approves and publishes each part of the campaign (000 Điều 9.3–9.4: the province its groups, each
// district its communes), where each part stands, and the delegations recorded (issue 13 §2). A part is
// approved and published here by its own authority — or by whoever it delegated to, as the server decides.
import { useState } from 'react';
import { Button, Card, Empty, Input, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { Campaign } from '../../../../contract/campaigns.ts';
import type { AuthoritiesView } from '../../../../contract/delegations.ts';
import { usePublish } from '../../../api/appraisalAdmin.ts';
import { useAuthorities, useRevokeDelegation } from '../../../api/authorities.ts';
import { useT } from '../../../i18n/context.ts';
import { showDateTime } from '../../../lib/dates.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { ApproveModal } from './ApproveModal.tsx';
import { DelegationModal } from './DelegationModal.tsx';

type Part = AuthoritiesView['parts'][number];

export function AuthoritiesCard({ c }: { c: Campaign }) {
  const t = useT();
  const authorities = useAuthorities(c.id);
  const publish = usePublish(c.id);
  const revoke = useRevokeDelegation(c.id);
  const [approving, setApproving] = useState<Part | null>(null);
  const [recording, setRecording] = useState(false);
  const [revokeReason, setRevokeReason] = useState('');
  const data = authorities.data;
  // A campaign with one authority and no delegation has nothing to show here beyond the publication card.
  if (!data || (data.parts.length <= 1 && data.delegations.length === 0)) return null;
  const publishPart = async (p: Part) => {
    try {
      const r = await publish.mutateAsync(undefined);
      notifySuccess(t('auth.publishedPart', { authority: p.authority.name, version: r.snapshot.version }));
      void authorities.refetch();
    } catch (e) {
      notifyError(e instanceof Error ? e.message : String(e));
    }
  };
  const state = (p: Part) =>
    p.published ? (
      <Tag color="green">{t('auth.published')}</Tag>
    ) : p.approved ? (
      <Tag color="blue">{t('auth.approved')}</Tag>
    ) : (
      <Tag>{t('auth.pending')}</Tag>
    );
  return (
    <Card size="small" title={t('auth.title')} data-testid="adm-authorities">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('auth.hint')}</Typography.Text>
        <Table<Part>
          size="small"
          pagination={false}
          rowKey={(p) => `${p.groupId}|${p.authority.id}`}
          dataSource={data.parts}
          scroll={{ x: true }}
          columns={[
            { title: t('auth.authority'), render: (_, p) => p.authority.name },
            ...(c.groups.length > 1 ? [{ title: t('auth.group'), render: (_: unknown, p: Part) => p.groupName }] : []),
            { title: t('auth.state'), render: (_, p) => state(p) },
            {
              title: '',
              render: (_, p) => (
                <Space wrap>
                  {p.canApprove && (
                    <Button size="small" onClick={() => setApproving(p)} data-testid="auth-approve">
                      {t('auth.approve')}
                    </Button>
                  )}
                  {p.canPublish && !p.published && (
                    <Popconfirm
                      title={t('auth.publishConfirm', { authority: p.authority.name })}
                      onConfirm={() => void publishPart(p)}
                      okButtonProps={{
                        loading: publish.isPending,
                        ...({ 'data-testid': 'auth-publish-confirm' } as object),
                      }}
                    >
                      <Button size="small" type="primary" data-testid="auth-publish">
                        {t('auth.publish')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text strong>{t('auth.delegations')}</Typography.Text>
          {data.canRecord && (
            <Button size="small" onClick={() => setRecording(true)} data-testid="auth-record">
              {t('auth.record')}
            </Button>
          )}
        </Space>
        {data.delegations.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('auth.noDelegations')} />
        ) : (
          <List
            size="small"
            dataSource={data.delegations}
            data-testid="auth-delegations"
            renderItem={(d) => (
              <List.Item
                actions={
                  d.revokedAt || !data.canRecord
                    ? []
                    : [
                        <Popconfirm
                          key="revoke"
                          title={t('auth.revokeReason')}
                          description={<Input value={revokeReason} onChange={(e) => setRevokeReason(e.target.value)} />}
                          okButtonProps={{ disabled: !revokeReason.trim() }}
                          onConfirm={() =>
                            revoke
                              .mutateAsync({ id: d.id, reason: revokeReason.trim() })
                              .then(() => notifySuccess(t('auth.revokedDone')))
                              .catch((e: Error) => notifyError(e.message))
                          }
                        >
                          <Button size="small" danger>
                            {t('auth.revoke')}
                          </Button>
                        </Popconfirm>,
                      ]
                }
              >
                <List.Item.Meta
                  title={`${d.from.name} → ${d.to.name}: ${d.powers.map((p) => t(`auth.power.${p}`)).join(', ')}`}
                  description={
                    <>
                      <div>{d.reason}</div>
                      {d.documentRef && <div>{d.documentRef}</div>}
                      <div>{t('auth.recordedBy', { who: d.recordedBy, date: showDateTime(d.recordedAt) })}</div>
                      {d.revokedAt && (
                        <div>
                          {t('auth.revoked', { date: showDateTime(d.revokedAt), reason: d.revokeReason ?? '' })}
                        </div>
                      )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Space>
      {approving && (
        <ApproveModal
          campaignId={c.id}
          groups={c.groups}
          part={{
            groupId: approving.groupId,
            authorityUnitId: approving.authority.id,
            authorityName: approving.authority.name,
          }}
          onClose={() => {
            setApproving(null);
            void authorities.refetch();
          }}
        />
      )}
      {recording && <DelegationModal c={c} parts={data.parts} onClose={() => setRecording(false)} />}
    </Card>
  );
}
