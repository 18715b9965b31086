// Filter bar of the audit log: unit, actor, object type and id, date range (dd/mm/yyyy).
import { useState } from 'react';
import { Button, DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AuditFilters as Filters } from '../../api/audit.ts';
import { useUsers } from '../../api/users.ts';
import { UnitTreeSelect } from '../../components/UnitTreeSelect.tsx';
import { DATE_FORMAT, toApiDate } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';

const OBJECT_TYPES = [
  'assessment',
  'assessment_item',
  'campaign',
  'appraisal_body',
  'org_unit',
  'unit_group',
  'user',
  'framework',
  'evidence',
  'snapshot',
] as const;

interface Values {
  unitId?: string | null;
  actorId?: string;
  objectType?: string;
  objectId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function ActorSelect({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const { data, isFetching } = useUsers(q, 1, 20);
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      loading={isFetching}
      placeholder={t('audit.anyUser')}
      options={(data?.items ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }))}
      style={{ minWidth: 220 }}
    />
  );
}

export function AuditFilters({ onChange }: { onChange: (f: Filters) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const apply = (v: Values) => {
    const f: Filters = {};
    if (v.unitId) f.unitId = v.unitId;
    if (v.actorId) f.actorId = v.actorId;
    if (v.objectType?.trim()) f.objectType = v.objectType.trim();
    if (v.objectId?.trim()) f.objectId = v.objectId.trim();
    const from = toApiDate(v.range?.[0]);
    const to = toApiDate(v.range?.[1]);
    if (from) f.from = from;
    if (to) f.to = to;
    onChange(f);
  };
  return (
    <Form<Values> form={form} layout="inline" onFinish={apply} style={{ rowGap: 8 }}>
      <Form.Item name="unitId" style={{ minWidth: 240 }}>
        <UnitTreeSelect placeholder={t('audit.unit')} />
      </Form.Item>
      <Form.Item name="actorId">
        <ActorSelect />
      </Form.Item>
      <Form.Item name="objectType">
        <Select
          options={OBJECT_TYPES.map((o) => ({ value: o, label: t(`audit.type.${o}`) }))}
          placeholder={t('audit.objectType')}
          style={{ width: 220 }}
          allowClear
        />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker format={DATE_FORMAT} placeholder={[t('common.from'), t('common.to')]} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('audit.filter')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('audit.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
