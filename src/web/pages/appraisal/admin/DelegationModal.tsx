// Recording a delegation (issue 13 §2): which authority hands over which powers to whom, why, and under
// which document. The delegate is the campaign owner (the province) — the line the rules allow; the
// server refuses anything else with its reason.
import { useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import type { Campaign } from '../../../../contract/campaigns.ts';
import type { AuthoritiesView, AuthorityPowerCode } from '../../../../contract/delegations.ts';
import { useRecordDelegation } from '../../../api/authorities.ts';
import { useT } from '../../../i18n/context.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { accentInsensitiveSearch } from '../../../lib/searchSelect.ts';

const POWERS: AuthorityPowerCode[] = ['appraise', 'approve', 'publish'];

export function DelegationModal({
  c,
  parts,
  onClose,
}: {
  c: Campaign;
  parts: AuthoritiesView['parts'];
  onClose: () => void;
}) {
  const t = useT();
  const record = useRecordDelegation(c.id);
  // The authorities other than the campaign owner: a district delegating to the province.
  const choices = parts.filter((p) => p.authority.id !== c.ownerUnit.id);
  const [part, setPart] = useState<string | null>(
    choices[0] ? `${choices[0].groupId}|${choices[0].authority.id}` : null,
  );
  const [powers, setPowers] = useState<AuthorityPowerCode[]>(['publish']);
  const [reason, setReason] = useState('');
  const [documentRef, setDocumentRef] = useState('');
  const [groupId, fromUnitId] = part ? part.split('|') : [];
  const ok = !!groupId && !!fromUnitId && powers.length > 0 && reason.trim() !== '';
  const submit = async () => {
    if (!ok) return;
    await record.mutateAsync({
      groupId: groupId!,
      fromUnitId: fromUnitId!,
      toUnitId: c.ownerUnit.id,
      powers,
      reason: reason.trim(),
      documentRef: documentRef.trim() || null,
    });
    notifySuccess(t('auth.recorded'));
    onClose();
  };
  return (
    <Modal
      open
      title={t('auth.record')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={record.isPending}
      okButtonProps={{ disabled: !ok, ...({ 'data-testid': 'delegation-save' } as object) }}
    >
      <Form layout="vertical">
        <Form.Item label={t('auth.from')} required>
          <Select
            value={part ?? undefined}
            onChange={setPart}
            options={choices.map((p) => ({
              value: `${p.groupId}|${p.authority.id}`,
              label: c.groups.length > 1 ? `${p.authority.name} — ${p.groupName}` : p.authority.name,
            }))}
            showSearch={accentInsensitiveSearch}
            data-testid="delegation-from"
          />
        </Form.Item>
        <Form.Item label={t('auth.to')}>
          <Input value={c.ownerUnit.name} disabled />
        </Form.Item>
        <Form.Item label={t('auth.powers')} required>
          <Checkbox.Group
            value={powers}
            onChange={(v) => setPowers(v as AuthorityPowerCode[])}
            options={POWERS.map((p) => ({ value: p, label: t(`auth.power.${p}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('auth.reason')} required>
          <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} data-testid="delegation-reason" />
        </Form.Item>
        <Form.Item label={t('auth.documentRef')} extra={t('auth.documentRefHelp')}>
          <Input value={documentRef} onChange={(e) => setDocumentRef(e.target.value)} data-testid="delegation-doc" />
        </Form.Item>
      </Form>
      {record.error && <Alert type="error" showIcon title={record.error.message} />}
    </Modal>
  );
}
