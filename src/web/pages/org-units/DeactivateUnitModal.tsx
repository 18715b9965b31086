// Deactivate a unit: a reason is required, the end date is optional (today by default on the server).
import { Alert, Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { OrgUnit } from '../../../contract/org-units.ts';
import { useDeactivateUnit } from '../../api/orgUnits.ts';
import { useServerError } from '../../hooks/useServerError.ts';
import { DATE_FORMAT, toApiDate } from '../../lib/dates.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';

interface Values {
  reason: string;
  activeTo: Dayjs | null;
}

export function DeactivateUnitModal({ unit, onClose }: { unit: OrgUnit; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const deactivate = useDeactivateUnit();
  const server = useServerError(form);

  const onFinish = (v: Values) => {
    server.clear();
    const activeTo = toApiDate(v.activeTo);
    deactivate.mutate(
      { id: unit.id, reason: v.reason.trim(), ...(activeTo ? { activeTo } : {}) },
      {
        onSuccess: () => {
          notifySuccess(t('common.saved'));
          onClose();
        },
        onError: server.apply,
      },
    );
  };

  return (
    <Modal
      open
      title={t('unit.deactivateTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          danger
          type="primary"
          htmlType="submit"
          form="deactivate-form"
          loading={deactivate.isPending}
          data-testid="deactivate-submit"
        >
          {t('unit.deactivate')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{unit.code}</Typography.Text> — {unit.name}
      </Typography.Paragraph>
      {server.error && <Alert type="error" showIcon title={server.error.message} style={{ marginBottom: 16 }} />}
      <Form<Values> id="deactivate-form" form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('unit.reason')}
          rules={[{ required: true, whitespace: true, message: t('unit.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="deactivate-reason" />
        </Form.Item>
        <Form.Item name="activeTo" label={t('unit.activeTo')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
