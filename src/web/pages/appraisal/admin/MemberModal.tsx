// Add or edit a council member: the person (searched by name), position, title and assignment — node codes
// (main indicators or items of the group's index set), appraisal domains, units (empty = everything).
import { useDeferredValue, useMemo, useState } from 'react';
import { Alert, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { COUNCIL_POSITIONS } from '../../../../core/appraisal/index.ts';
import type { CouncilPosition } from '../../../../core/appraisal/index.ts';
import type { FrameworkNode } from '../../../../core/framework/index.ts';
import { useAddMember, useUpdateMember } from '../../../api/appraisalAdmin.ts';
import type { Member } from '../../../api/appraisalTypes.ts';
import { useCampaignProgress } from '../../../api/campaigns.ts';
import type { CampaignGroup } from '../../../../contract/campaigns.ts';
import { useFramework } from '../../../api/frameworks.ts';
import { useUsers } from '../../../api/users.ts';
import { useT } from '../../../i18n/context.ts';
import { codeTree } from '../reviewModel.ts';
import { accentInsensitiveSearch } from '../../../lib/searchSelect.ts';

interface Props {
  campaignId: string;
  group: CampaignGroup;
  member: Member | null;
  onClose: () => void;
}

function domainsOf(nodes: readonly FrameworkNode[], out = new Set<string>()): Set<string> {
  for (const n of nodes) {
    if (n.domain) out.add(n.domain);
    if (n.children) domainsOf(n.children, out);
  }
  return out;
}

export function MemberModal({ campaignId, group, member, onClose }: Props) {
  const t = useT();
  const add = useAddMember(campaignId);
  const update = useUpdateMember();
  const [q, setQ] = useState('');
  const users = useUsers(useDeferredValue(q.trim()), 1, 20, !member);
  const framework = useFramework(group.frameworkId);
  const units = useCampaignProgress(campaignId, { groupId: group.id });
  const [userId, setUserId] = useState<string | null>(member?.user.id ?? null);
  const [position, setPosition] = useState<CouncilPosition>(member?.position ?? 'member');
  const [title, setTitle] = useState(member?.title ?? '');
  const [nodeCodes, setNodeCodes] = useState<string[]>(member?.assignment.nodeCodes ?? []);
  const [domains, setDomains] = useState<string[]>(member?.assignment.domains ?? []);
  const [unitIds, setUnitIds] = useState<string[]>(member?.assignment.unitIds ?? []);
  const def = framework.data?.definition;
  const tree = useMemo(() => codeTree(def), [def]);
  const domainOptions = useMemo(() => [...domainsOf(def?.nodes ?? [])].map((d) => ({ value: d, label: d })), [def]);
  const error = add.error ?? update.error;

  const save = async () => {
    const assignment = { nodeCodes, domains, unitIds };
    const body = { position, title: title.trim() || undefined, assignment };
    if (member) await update.mutateAsync({ memberId: member.id, ...body });
    else if (userId) await add.mutateAsync({ groupId: group.id, userId, ...body });
    onClose();
  };

  return (
    <Modal
      open
      title={member ? t('adm.editMember') : t('adm.addMember')}
      onCancel={onClose}
      onOk={() => void save().catch(() => undefined)}
      width={680}
      confirmLoading={add.isPending || update.isPending}
      okButtonProps={{ disabled: !member && !userId, ...({ 'data-testid': 'member-save' } as Record<string, string>) }}
    >
      <Form layout="vertical">
        <Form.Item label={t('adm.person')} required>
          {member ? (
            <Input value={`${member.user.fullName} (${member.user.username})`} disabled />
          ) : (
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              value={userId ?? undefined}
              onChange={setUserId}
              loading={users.isFetching}
              placeholder={t('adm.personSearch')}
              options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }))}
              data-testid="member-user"
            />
          )}
        </Form.Item>
        <Form.Item label={t('adm.position')} required>
          <Select<CouncilPosition>
            value={position}
            onChange={setPosition}
            options={COUNCIL_POSITIONS.map((p) => ({ value: p, label: t(`position.${p}`) }))}
            data-testid="member-position"
          />
        </Form.Item>
        <Form.Item label={t('adm.memberTitle')}>
          <Input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder={t('adm.memberTitleHint')}
            data-testid="member-title"
          />
        </Form.Item>
        <Form.Item label={t('adm.nodeCodes')} extra={t('adm.assignHelp')}>
          <TreeSelect
            multiple
            treeCheckable
            showCheckedStrategy={TreeSelect.SHOW_PARENT}
            treeData={tree}
            value={nodeCodes}
            onChange={(v: string[]) => setNodeCodes(v)}
            loading={framework.isLoading}
            placeholder={t('adm.everything')}
            style={{ width: '100%' }}
            maxTagCount={8}
            data-testid="member-nodes"
          />
        </Form.Item>
        <Form.Item label={t('adm.domains')}>
          <Select
            mode="tags"
            value={domains}
            onChange={setDomains}
            options={domainOptions}
            placeholder={t('adm.everything')}
            data-testid="member-domains"
          />
        </Form.Item>
        <Form.Item label={t('adm.units')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={accentInsensitiveSearch}
            value={unitIds}
            onChange={setUnitIds}
            placeholder={t('adm.everything')}
            options={(units.data?.items ?? []).map((u) => ({
              value: u.unit.id,
              label: `${u.unit.name} (${u.unit.code})`,
            }))}
            data-testid="member-units"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error.message} />}
    </Modal>
  );
}
