// Reopen a submitted assessment (DX office) with a reason.
import { useState } from 'react';
import { Alert, Input, Modal, Typography } from 'antd';
import { useReopenAssessment } from '../../../api/assessments.ts';
import type { ProgressRow } from '../../../../contract/campaigns.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useT } from '../../../i18n/context.ts';

export function ReopenModal({ row, onClose }: { row: ProgressRow | null; onClose: () => void }) {
  const t = useT();
  const reopen = useReopenAssessment();
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    reopen.reset();
    onClose();
  };
  const run = async () => {
    if (!row) return;
    try {
      await reopen.mutateAsync({ id: row.assessmentId, reason: reason.trim() });
      notifySuccess(t('prog.reopened'));
      close();
    } catch {
      // shown below
    }
  };
  return (
    <Modal
      open={!!row}
      title={row ? t('prog.reopenTitle', { unit: row.unit.name }) : ''}
      onCancel={close}
      onOk={() => void run()}
      confirmLoading={reopen.isPending}
      okButtonProps={{
        disabled: reason.trim() === '',
        ...({ 'data-testid': 'prog-reopen-confirm' } as Record<string, string>),
      }}
    >
      <Typography.Paragraph type="secondary">{t('prog.reopenHelp')}</Typography.Paragraph>
      <Typography.Text>{t('camp.reason')}</Typography.Text>
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        autoSize={{ minRows: 2 }}
        data-testid="prog-reopen-reason"
      />
      {reopen.error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={reopen.error.message} />}
    </Modal>
  );
}
