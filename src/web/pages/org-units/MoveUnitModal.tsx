// Move a unit under another parent (searchable TreeSelect); the server refuses a move into a descendant.
import { Alert, Button, Form, Modal, Typography } from 'antd';
import type { OrgUnit } from '../../../contract/org-units.ts';
import { useMoveUnit } from '../../api/orgUnits.ts';
import { UnitTreeSelect } from '../../components/UnitTreeSelect.tsx';
import { useServerError } from '../../hooks/useServerError.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';

export function MoveUnitModal({ unit, onClose }: { unit: OrgUnit; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ parentId: string | null }>();
  const move = useMoveUnit();
  const server = useServerError(form);

  const onFinish = (v: { parentId: string | null }) => {
    server.clear();
    move.mutate(
      { id: unit.id, parentId: v.parentId ?? null, version: unit.version },
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
      title={t('unit.moveTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          htmlType="submit"
          form="move-form"
          loading={move.isPending}
          data-testid="move-submit"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{unit.code}</Typography.Text> — {unit.name}
      </Typography.Paragraph>
      {server.error && (
        <Alert
          type="error"
          showIcon
          title={server.error.message}
          style={{ marginBottom: 16 }}
          data-testid="move-error"
        />
      )}
      <Form
        id="move-form"
        form={form}
        layout="vertical"
        initialValues={{ parentId: unit.parentId }}
        onFinish={onFinish}
      >
        <Form.Item name="parentId" label={t('unit.newParent')}>
          <UnitTreeSelect placeholder={t('unit.noParent')} testId="move-parent" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
