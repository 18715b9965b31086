// Approval of a group's results by the competent authority: decision number, date and signer.
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
  onClose,
}: {
  campaignId: string;
  groups: CampaignGroup[];
  onClose: () => void;
}) {
  const t = useT();
  const approve = useApprove(campaignId);
  const [groupId, setGroupId] = useState<string | null>(groups[0]?.id ?? null);
  const [number, setNumber] = useState('');
  const [date, setDate] = useState<Dayjs | null>(null);
  const [signer, setSigner] = useState('');
  const ok = !!groupId && number.trim() !== '' && !!date;
  const submit = async () => {
    if (!ok) return;
    await approve.mutateAsync({
      groupId,
      decisionNumber: number.trim(),
      decisionDate: toApiDate(date) ?? '',
      signer: signer.trim() || undefined,
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
        {groups.length > 1 && (
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
      </Form>
      {approve.error && <Alert type="error" showIcon title={approve.error.message} />}
    </Modal>
  );
}
