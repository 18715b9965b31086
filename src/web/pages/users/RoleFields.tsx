// The role, unit and subtree fields of a role grant: in the "create user" form (the first role is sent
// with the account) and in the roles drawer. Choosing a role presets "applies to subordinate units" from
// the catalogue.
import { Checkbox, Form, Select } from 'antd';
import type { FormInstance } from 'antd';
import type { RoleInput } from '../../../contract/users.ts';
import { useRoles } from '../../api/roles.ts';
import { UnitTreeSelect } from '../../components/UnitTreeSelect.tsx';
import { useI18n } from '../../i18n/context.ts';

export interface RoleValues {
  role: RoleInput['role'];
  unitId: string;
  subtree: boolean;
}

/** Call from the form's onValuesChange: a newly chosen role sets the subtree box to its usual value. */
export function useRoleSubtreeDefault(form: FormInstance) {
  const roles = useRoles();
  return (changed: Partial<RoleValues>) => {
    if (changed.role)
      form.setFieldValue('subtree', !!roles.data?.find((x) => x.role === changed.role)?.appliesToSubtree);
  };
}

export function RoleFields({ testIdPrefix = 'role' }: { testIdPrefix?: string }) {
  const { t, lang } = useI18n();
  const roles = useRoles();
  return (
    <>
      <Form.Item name="role" label={t('user.role')} rules={[{ required: true, message: t('common.required') }]}>
        <Select
          loading={roles.isLoading}
          data-testid={`${testIdPrefix}-select`}
          options={(roles.data ?? []).map((r) => ({
            value: r.role,
            label: lang === 'en' ? r.labelEn || r.label : r.label,
            title: r.description,
          }))}
        />
      </Form.Item>
      <Form.Item name="unitId" label={t('user.unit')} rules={[{ required: true, message: t('common.required') }]}>
        <UnitTreeSelect testId={`${testIdPrefix}-unit`} />
      </Form.Item>
      <Form.Item name="subtree" valuePropName="checked">
        <Checkbox>{t('user.subtree')}</Checkbox>
      </Form.Item>
    </>
  );
}
