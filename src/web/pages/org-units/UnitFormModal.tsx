// Create (root or child) / edit an org unit. Edit sends the version; a 409 VERSION_CONFLICT offers to load
// the current values.
import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { OrgUnit } from '../../../contract/org-units.ts';
import { ApiError } from '../../api/client.ts';
import { useCreateUnit, useUpdateUnit } from '../../api/orgUnits.ts';
import { UNIT_TYPES } from '../../../core/org/unit-types.ts';
import type { UnitType } from '../../../core/org/unit-types.ts';
import { UnitTreeSelect } from '../../components/UnitTreeSelect.tsx';
import { useUnitTypeLabel } from '../../components/UnitTypeTag.tsx';
import { useServerError } from '../../hooks/useServerError.ts';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../lib/dates.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';

interface Values {
  code: string;
  name: string;
  type: UnitType;
  parentId: string | null;
  activeFrom: Dayjs | null;
  activeTo: Dayjs | null;
}

export type UnitFormMode = { kind: 'create'; parentId: string | null } | { kind: 'edit'; unit: OrgUnit };

interface Props {
  mode: UnitFormMode;
  onClose: () => void;
  onSaved: (unit: OrgUnit) => void;
}

function initialValues(mode: UnitFormMode): Values {
  if (mode.kind === 'edit') {
    const u = mode.unit;
    return {
      code: u.code,
      name: u.name,
      type: u.type,
      parentId: u.parentId,
      activeFrom: fromApiDate(u.activeFrom),
      activeTo: fromApiDate(u.activeTo),
    };
  }
  return {
    code: '',
    name: '',
    type: mode.parentId ? 'commune' : 'province',
    parentId: mode.parentId,
    activeFrom: null,
    activeTo: null,
  };
}

export function UnitFormModal({ mode, onClose, onSaved }: Props) {
  const t = useT();
  const typeLabel = useUnitTypeLabel();
  const [form] = Form.useForm<Values>();
  const [version, setVersion] = useState(mode.kind === 'edit' ? mode.unit.version : 0);
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const server = useServerError(form);
  const pending = create.isPending || update.isPending;
  const conflict = server.error instanceof ApiError && server.error.code === 'VERSION_CONFLICT' ? server.error : null;

  const onFinish = (v: Values) => {
    server.clear();
    const dates = { activeFrom: toApiDate(v.activeFrom), activeTo: toApiDate(v.activeTo) };
    const done = (unit: OrgUnit) => {
      notifySuccess(t('common.saved'));
      onSaved(unit);
    };
    if (mode.kind === 'create') {
      create.mutate(
        { code: v.code.trim(), name: v.name.trim(), type: v.type, parentId: v.parentId ?? null, ...dates },
        { onSuccess: done, onError: server.apply },
      );
    } else {
      update.mutate(
        { id: mode.unit.id, code: v.code.trim(), name: v.name.trim(), type: v.type, ...dates, version },
        { onSuccess: done, onError: server.apply },
      );
    }
  };

  const loadCurrent = () => {
    const current = conflict?.details?.['current'] as OrgUnit | undefined;
    if (current) {
      form.setFieldsValue(initialValues({ kind: 'edit', unit: current }));
      setVersion(current.version);
    }
    server.clear();
  };

  return (
    <Modal
      open
      title={t(mode.kind === 'create' ? 'unit.createTitle' : 'unit.editTitle')}
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
          form="unit-form"
          loading={pending}
          data-testid="unit-form-submit"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      {server.error && (
        <Alert
          type="error"
          showIcon
          title={server.error.message}
          style={{ marginBottom: 16 }}
          data-testid="unit-form-error"
          action={
            conflict?.details?.['current'] ? (
              <Button size="small" onClick={loadCurrent}>
                {t('unit.versionConflictReload')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Form<Values>
        id="unit-form"
        form={form}
        layout="vertical"
        initialValues={initialValues(mode)}
        onFinish={onFinish}
        requiredMark="optional"
      >
        <Form.Item
          name="code"
          label={t('unit.code')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={64} data-testid="unit-form-code" autoFocus />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('unit.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={255} data-testid="unit-form-name" />
        </Form.Item>
        <Form.Item name="type" label={t('unit.type')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            data-testid="unit-form-type"
            options={UNIT_TYPES.map((ty) => ({ value: ty, label: typeLabel(ty) }))}
          />
        </Form.Item>
        {mode.kind === 'create' && (
          <Form.Item name="parentId" label={t('unit.parent')}>
            <UnitTreeSelect placeholder={t('unit.noParent')} testId="unit-form-parent" />
          </Form.Item>
        )}
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="activeFrom" label={t('unit.activeFrom')} style={{ flex: 1, minWidth: 160 }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="unit-form-active-from" />
          </Form.Item>
          <Form.Item name="activeTo" label={t('unit.activeTo')} style={{ flex: 1, minWidth: 160 }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="unit-form-active-to" />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
