// Remove one lineage link recorded by mistake, with a reason. Allowed even when a published campaign's derived
// ranking used it; the answer names those campaigns, and the audit log keeps them (issue 15 §2).
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import type { UnitRef } from '../../../contract/common.ts';
import { useRemoveLineage } from '../../api/orgUnits.ts';
import { useServerError } from '../../hooks/useServerError.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';

export function RemoveLineageModal({
  unit,
  predecessor,
  onClose,
}: {
  unit: UnitRef;
  predecessor: UnitRef;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const remove = useRemoveLineage();
  const server = useServerError(form);
  const onFinish = (v: { reason: string }) => {
    server.clear();
    remove.mutate(
      { unitId: unit.id, predecessorId: predecessor.id, reason: v.reason.trim() },
      {
        onSuccess: (r) => {
          notifySuccess(
            r.usedBy.length
              ? t('lineage.removedUsed', { campaigns: r.usedBy.map((c) => c.name).join('; ') })
              : t('lineage.removed'),
          );
          onClose();
        },
        onError: server.apply,
      },
    );
  };
  return (
    <Modal
      open
      title={t('lineage.removeTitle')}
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
          form="lineage-remove-form"
          loading={remove.isPending}
          data-testid="lineage-remove-submit"
        >
          {t('lineage.remove')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        {predecessor.code} — {predecessor.name} → {unit.code} — {unit.name}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('lineage.removeHelp')}</Typography.Paragraph>
      {server.error && <Alert type="error" showIcon title={server.error.message} style={{ marginBottom: 16 }} />}
      <Form id="lineage-remove-form" form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('unit.reason')}
          rules={[{ required: true, whitespace: true, message: t('unit.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="lineage-remove-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
