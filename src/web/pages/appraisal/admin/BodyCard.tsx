// One group's appraisal body: kind, name, decision, closed state; its members with positions and
// assignments (add, edit, remove) and "Kết thúc thẩm định".
import { useState } from 'react';
import { Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useRemoveMember } from '../../../api/appraisalAdmin.ts';
import type { GroupBody, Member } from '../../../api/appraisalTypes.ts';
import type { Campaign, CampaignGroup } from '../../../../contract/campaigns.ts';
import { showDateTime } from '../../../lib/dates.ts';
import { useT } from '../../../i18n/context.ts';
import { BodyFormModal } from './BodyFormModal.tsx';
import { CloseAppraisalButton } from './CloseAppraisalButton.tsx';
import { MemberModal } from './MemberModal.tsx';

export function BodyCard({ c, group, gb }: { c: Campaign; group: CampaignGroup; gb: GroupBody | undefined }) {
  const t = useT();
  const remove = useRemoveMember();
  const [editBody, setEditBody] = useState(false);
  const [member, setMember] = useState<Member | null | 'new'>(null);
  const body = gb?.body ?? null;
  const manage = gb?.abilities?.manageMembers ?? (c.abilities.update || c.abilities.transition);
  // Unknown (the body could not be read): no close button — the group may already be closed.
  const canClose = gb?.abilities?.closeAppraisal ?? false;
  const assignment = (m: Member) => {
    const a = m.assignment;
    if (a.nodeCodes.length + a.domains.length + a.unitIds.length === 0)
      return <Typography.Text type="secondary">{t('adm.everything')}</Typography.Text>;
    return (
      <Space size={[4, 4]} wrap>
        {a.nodeCodes.map((x) => (
          <Tag key={`n${x}`} color="blue">
            {x}
          </Tag>
        ))}
        {a.domains.map((x) => (
          <Tag key={`d${x}`} color="cyan">
            {x}
          </Tag>
        ))}
        {a.unitIds.length > 0 && <Tag>{t('adm.unitsN', { n: a.unitIds.length })}</Tag>}
      </Space>
    );
  };
  return (
    <Card
      size="small"
      data-testid={`adm-group-${group.id}`}
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {group.name} — {body ? body.name : t('adm.noBody')}
        </span>
      }
      extra={
        <Space wrap>
          {body?.closedAt ? (
            <Tag color="green" data-testid="adm-closed">
              {t('adm.closedAt', { at: showDateTime(body.closedAt) })}
            </Tag>
          ) : (
            canClose && <CloseAppraisalButton campaignId={c.id} groupId={group.id} groupName={group.name} />
          )}
          {manage && (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditBody(true)} data-testid="adm-body-edit">
              {t('adm.body')}
            </Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap size={4}>
          <Tag>{(body?.kind ?? group.appraiser) === 'council' ? t('adm.kind.council') : t('adm.kind.parent_unit')}</Tag>
          {body?.decisionRef && <Tag color="geekblue">{t('adm.decisionRefShort', { ref: body.decisionRef })}</Tag>}
        </Space>
        <Table<Member>
          size="small"
          rowKey="id"
          dataSource={gb?.members ?? []}
          pagination={false}
          scroll={{ x: 640 }}
          data-testid="adm-members"
          columns={[
            {
              title: t('adm.person'),
              key: 'user',
              render: (_, m) => (
                <>
                  {m.user.fullName} <Typography.Text type="secondary">({m.user.username})</Typography.Text>
                </>
              ),
            },
            {
              title: t('adm.position'),
              dataIndex: 'position',
              width: 170,
              render: (p: Member['position']) => (
                <Tag color={p === 'chair' ? 'red' : p === 'support' ? 'default' : 'purple'}>{t(`position.${p}`)}</Tag>
              ),
            },
            { title: t('adm.memberTitle'), dataIndex: 'title', render: (v: string | null) => v ?? '' },
            { title: t('adm.assignment'), key: 'a', render: (_, m) => assignment(m) },
            ...(manage
              ? [
                  {
                    title: '',
                    key: 'x',
                    width: 90,
                    render: (_: unknown, m: Member) => (
                      <Space size={4}>
                        <Button
                          size="small"
                          icon={<EditOutlined />}
                          aria-label={t('common.edit')}
                          onClick={() => setMember(m)}
                        />
                        <Popconfirm title={t('adm.removeConfirm')} onConfirm={() => remove.mutate(m.id)}>
                          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {manage && (body?.kind ?? group.appraiser) === 'council' && (
          <Button icon={<PlusOutlined />} onClick={() => setMember('new')} data-testid="adm-add-member">
            {t('adm.addMember')}
          </Button>
        )}
      </Space>
      {editBody && (
        <BodyFormModal campaignId={c.id} groupId={group.id} body={body} onClose={() => setEditBody(false)} />
      )}
      {member && (
        <MemberModal
          campaignId={c.id}
          group={group}
          member={member === 'new' ? null : member}
          onClose={() => setMember(null)}
        />
      )}
    </Card>
  );
}
