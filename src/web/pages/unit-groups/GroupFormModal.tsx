// Create or edit a unit group (code is fixed after creation); optional initial members on create.
import { Alert, Button, Form, Input, Modal } from 'antd';
import type { UnitGroup } from '../../../contract/unit-groups.ts';
import { useSaveGroup } from '../../api/unitGroups.ts';
import { UnitTreeSelect } from '../../components/UnitTreeSelect.tsx';
import { useServerError } from '../../hooks/useServerError.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';

interface Values {
  code: string;
  name: string;
  description: string;
  unitIds: string[] | null;
}

export function GroupFormModal({ group, onClose }: { group: UnitGroup | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const save = useSaveGroup();
  const server = useServerError(form);

  const onFinish = (v: Values) => {
    server.clear();
    const description = v.description?.trim() || null;
    const body = group
      ? { id: group.id, name: v.name.trim(), description }
      : { code: v.code.trim(), name: v.name.trim(), description, ...(v.unitIds?.length ? { unitIds: v.unitIds } : {}) };
    save.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('common.saved'));
        onClose();
      },
      onError: server.apply,
    });
  };

  return (
    <Modal
      open
      title={t(group ? 'group.editTitle' : 'group.createTitle')}
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
          form="group-form"
          loading={save.isPending}
          data-testid="group-form-submit"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      {server.error && <Alert type="error" showIcon title={server.error.message} style={{ marginBottom: 16 }} />}
      <Form<Values>
        id="group-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          code: group?.code ?? '',
          name: group?.name ?? '',
          description: group?.description ?? '',
          unitIds: [],
        }}
      >
        <Form.Item
          name="code"
          label={t('group.code')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input disabled={!!group} maxLength={64} data-testid="group-form-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('group.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={255} data-testid="group-form-name" />
        </Form.Item>
        <Form.Item name="description" label={t('group.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {!group && (
          <Form.Item name="unitIds" label={t('group.members')}>
            <UnitTreeSelect multiple placeholder={t('group.chooseUnits')} testId="group-form-units" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
