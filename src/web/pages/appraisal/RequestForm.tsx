// Ask the unit for more evidence or an explanation on one item, with a message and a deadline date.
import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCreateRequest } from '../../api/appraisal.ts';
import type { QueueRow } from '../../api/appraisalTypes.ts';
import { DATE_FORMAT, toApiDate } from '../../lib/dates.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';

export function RequestForm({ row, onDone }: { row: QueueRow; onDone: () => void }) {
  const t = useT();
  const create = useCreateRequest();
  const [kind, setKind] = useState<'more_evidence' | 'explanation'>('more_evidence');
  const [message, setMessage] = useState('');
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async () => {
    if (!message.trim() || !deadline) {
      setProblem(t('apr.requestMissing'));
      return;
    }
    setProblem(null);
    try {
      await create.mutateAsync({
        assessmentId: row.assessmentId,
        code: row.code,
        kind,
        message: message.trim(),
        deadline: toApiDate(deadline) ?? '',
      });
      notifySuccess(t('apr.requestSent', { unit: row.unit.name }));
      setMessage('');
      setDeadline(null);
      onDone();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Form layout="vertical" size="small" component="div" data-testid="apr-request-form">
      <Form.Item label={t('apr.requestKind')}>
        <Select
          value={kind}
          onChange={setKind}
          data-testid="apr-request-kind"
          options={[
            { value: 'more_evidence', label: t('apr.kind.more_evidence') },
            { value: 'explanation', label: t('apr.kind.explanation') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('apr.requestMessage')} required>
        <Input.TextArea
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
          data-testid="apr-request-message"
        />
      </Form.Item>
      <Form.Item label={t('apr.requestDeadline')} required>
        <DatePicker value={deadline} onChange={setDeadline} format={DATE_FORMAT} data-testid="apr-request-deadline" />
      </Form.Item>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
      <Button onClick={() => void send()} loading={create.isPending} data-testid="apr-request-send">
        {t('apr.requestSend')}
      </Button>
    </Form>
  );
}
