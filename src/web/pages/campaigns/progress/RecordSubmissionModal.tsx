// Record a submission received by official document or post (DX office): date received and reference.
import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRecordSubmission } from '../../../api/assessments.ts';
import type { ProgressRow } from '../../../../contract/campaigns.ts';
import { DATE_FORMAT, toApiDate } from '../../../lib/dates.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useT } from '../../../i18n/context.ts';

export function RecordSubmissionModal({ row, onClose }: { row: ProgressRow | null; onClose: () => void }) {
  const t = useT();
  const record = useRecordSubmission();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const close = () => {
    setDate(null);
    setReference('');
    setReason('');
    record.reset();
    onClose();
  };
  const run = async () => {
    if (!row || !date) return;
    try {
      await record.mutateAsync({
        id: row.assessmentId,
        receivedAt: toApiDate(date)!,
        reference: reference.trim(),
        reason: reason.trim() || undefined,
      });
      notifySuccess(t('prog.recorded'));
      close();
    } catch {
      // shown below
    }
  };
  return (
    <Modal
      open={!!row}
      title={row ? t('prog.recordTitle', { unit: row.unit.name }) : ''}
      onCancel={close}
      onOk={() => void run()}
      confirmLoading={record.isPending}
      okButtonProps={{ disabled: !date || reference.trim() === '' }}
    >
      <Typography.Paragraph type="secondary">{t('prog.recordHelp')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('prog.receivedAt')} required>
          <DatePicker
            format={DATE_FORMAT}
            value={date}
            onChange={setDate}
            style={{ width: '100%' }}
            data-testid="prog-record-date"
          />
        </Form.Item>
        <Form.Item label={t('prog.reference')} required>
          <Input value={reference} onChange={(e) => setReference(e.target.value)} data-testid="prog-record-ref" />
        </Form.Item>
        <Form.Item label={t('camp.reason')} extra={t('prog.recordReasonHelp')}>
          <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 1 }} />
        </Form.Item>
      </Form>
      {record.error && <Alert type="error" showIcon title={record.error.message} />}
    </Modal>
  );
}
