// Edit the members of a unit group with a searchable multi-select tree; saves with PUT .../members.
import { useState } from 'react';
import { Alert, Button, Modal, Spin, Typography } from 'antd';
import type { UnitGroup } from '../../../contract/unit-groups.ts';
import { useSetGroupMembers, useUnitGroup } from '../../api/unitGroups.ts';
import { UnitTreeSelect } from '../../components/UnitTreeSelect.tsx';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';

function MembersEditor({ group, initial, onClose }: { group: UnitGroup; initial: string[]; onClose: () => void }) {
  const t = useT();
  const [unitIds, setUnitIds] = useState<string[]>(initial);
  const setMembers = useSetGroupMembers();
  return (
    <>
      {setMembers.error && (
        <Alert type="error" showIcon title={setMembers.error.message} style={{ marginBottom: 12 }} />
      )}
      <Typography.Paragraph type="secondary">
        {t('group.memberCount')}: {unitIds.length}
      </Typography.Paragraph>
      <UnitTreeSelect
        multiple
        value={unitIds}
        onChange={(v) => setUnitIds(Array.isArray(v) ? v : v ? [v] : [])}
        placeholder={t('group.chooseUnits')}
        testId="group-members-select"
      />
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 16 }}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          type="primary"
          loading={setMembers.isPending}
          data-testid="group-members-submit"
          onClick={() =>
            setMembers.mutate(
              { id: group.id, unitIds },
              {
                onSuccess: () => {
                  notifySuccess(t('common.saved'));
                  onClose();
                },
              },
            )
          }
        >
          {t('common.save')}
        </Button>
      </div>
    </>
  );
}

export function GroupMembersModal({ group, onClose }: { group: UnitGroup; onClose: () => void }) {
  const t = useT();
  const { data, isLoading } = useUnitGroup(group.id);
  return (
    <Modal
      open
      title={t('group.membersTitle', { name: group.name })}
      onCancel={onClose}
      footer={null}
      width={720}
      destroyOnHidden
    >
      {isLoading || !data ? (
        <Spin />
      ) : (
        <MembersEditor group={group} initial={data.members.map((m) => m.id)} onClose={onClose} />
      )}
    </Modal>
  );
}
