// Approval of a group's results by the competent authority: decision number, date, signer and the signer's
// position as printed in the signature block (Nghị định 30/2020); for one authority's part when given.
import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useApprove } from '../../../api/appraisalAdmin.ts';
import type { CampaignGroup } from '../../../../contract/campaigns.ts';
import { DATE_FORMAT, toApiDate } from '../../../lib/dates.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useT } from '../../../i18n/context.ts';

export function ApproveModal({
  campaignId,
  groups,
  part,
  onClose,
}: {
  campaignId: string;
  groups: CampaignGroup[];
  /** One authority's part (a district's communes): the group and the authority are fixed. */
  part?: { groupId: string; authorityUnitId: string; authorityName: string } | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const approve = useApprove(campaignId);
  const [groupId, setGroupId] = useState<string | null>(part?.groupId ?? groups[0]?.id ?? null);
  const [number, setNumber] = useState('');
  const [date, setDate] = useState<Dayjs | null>(null);
  const [signer, setSigner] = useState('');
  const [position, setPosition] = useState('');
  const ok = !!groupId && number.trim() !== '' && !!date;
  const submit = async () => {
    if (!ok) return;
    await approve.mutateAsync({
      groupId,
      decisionNumber: number.trim(),
      decisionDate: toApiDate(date) ?? '',
      signer: signer.trim() || undefined,
      signerPosition: position.trim() || undefined,
      ...(part ? { authorityUnitId: part.authorityUnitId } : {}),
    });
    notifySuccess(t('adm.approved'));
    onClose();
  };
  return (
    <Modal
      open
      title={t('adm.approve')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={approve.isPending}
      okButtonProps={{ disabled: !ok, ...({ 'data-testid': 'approve-save' } as Record<string, string>) }}
    >
      <Form layout="vertical">
        {part && (
          <Form.Item label={t('adm.authority')}>
            <Input value={part.authorityName} disabled data-testid="approve-authority" />
          </Form.Item>
        )}
        {!part && groups.length > 1 && (
          <Form.Item label={t('camp.groups')} required>
            <Select
              value={groupId ?? undefined}
              onChange={setGroupId}
              options={groups.map((g) => ({ value: g.id, label: g.name }))}
              data-testid="approve-group"
            />
          </Form.Item>
        )}
        <Form.Item label={t('adm.decisionNumber')} required>
          <Input
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            placeholder="456/QĐ-UBND"
            data-testid="approve-number"
          />
        </Form.Item>
        <Form.Item label={t('adm.decisionDate')} required>
          {/* A decision cannot be dated after today (issue 13 §6); the server checks it on its own clock. */}
          <DatePicker
            value={date}
            onChange={setDate}
            format={DATE_FORMAT}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="approve-date"
          />
        </Form.Item>
        <Form.Item label={t('adm.signer')}>
          <Input value={signer} onChange={(e) => setSigner(e.target.value)} data-testid="approve-signer" />
        </Form.Item>
        <Form.Item label={t('adm.signerPosition')} extra={t('adm.signerPositionHelp')}>
          <Input.TextArea
            value={position}
            onChange={(e) => setPosition(e.target.value)}
            autoSize={{ minRows: 1, maxRows: 3 }}
            placeholder={'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH'}
            data-testid="approve-signer-position"
          />
        </Form.Item>
      </Form>
      {approve.error && <Alert type="error" showIcon title={approve.error.message} />}
    </Modal>
  );
}
