// The data source form: start from a profile (766: the six groups with their maxima; or a generic JSON/CSV
// source), then the address, authentication, schedule, format, the campaign and each field → item.
import { useEffect } from 'react';
import { Button, Checkbox, Drawer, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { DataSource, DataSourceBody, DataSourceProfile } from '../../../contract/data-sources.ts';
import { ApiError } from '../../api/client.ts';
import { useCampaigns } from '../../api/campaigns.ts';
import { useSaveSource, useSourceProfiles } from '../../api/dataSources.ts';
import { useMe } from '../../api/auth.ts';
import { useT } from '../../i18n/context.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { accentInsensitiveSearch } from '../../lib/searchSelect.ts';

type Values = Omit<DataSourceBody, 'unitMapping'> & { removeToken?: boolean };

function fromProfile(p: DataSourceProfile): Partial<Values> {
  return {
    profile: p.code,
    name: p.code === 'generic' ? '' : p.name,
    owningSystem: p.owningSystem,
    method: p.method,
    urlTemplate: p.urlTemplate,
    bodyTemplate: p.bodyTemplate,
    format: p.format,
    recordsPath: p.recordsPath,
    unitIdField: p.unitIdField,
    unitNameField: p.unitNameField,
    periodKind: p.periodKind,
    fieldMapping: p.fields.map((f) => ({
      field: f.field,
      label: f.label,
      itemCode: '',
      input: 'value',
      min: 0,
      max: f.max,
    })),
  };
}

export function SourceForm({ source, onClose }: { source: DataSource | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const profiles = useSourceProfiles().data?.items ?? [];
  const me = useMe().data;
  const offices = (me?.roles ?? []).filter((r) => r.role === 'dx_office' || r.role === 'system_admin');
  const campaigns = useCampaigns({ page: 1, pageSize: 100 }).data?.items ?? [];
  const save = useSaveSource();
  const profile = Form.useWatch('profile', form);
  const format = Form.useWatch('format', form);

  useEffect(() => {
    if (source) form.setFieldsValue({ ...source, authToken: undefined });
    else if (profiles[0] && offices[0])
      form.setFieldsValue({
        ...fromProfile(profiles[0]),
        ownerUnitId: offices[0].unitId,
        schedule: 'manual',
        matchByCode: false,
        active: true,
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, profiles.length, offices.length]);

  const submit = async (v: Values) => {
    const { removeToken, ownerUnitId, ...rest } = v;
    const body = {
      ...rest,
      bodyTemplate: rest.bodyTemplate || null,
      authToken: removeToken ? null : rest.authToken ? rest.authToken : undefined,
      fieldMapping: (rest.fieldMapping ?? []).filter((f) => f.itemCode),
    };
    try {
      if (source) await save.mutateAsync({ id: source.id, body: { ...body, version: source.version } });
      else await save.mutateAsync({ body: { ...body, ownerUnitId } });
      notifySuccess(t('ds.saved'));
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.issues.length > 0)
        form.setFields(
          err.issues.map((i) => ({
            name: (typeof i.path === 'string' ? i.path.split('/').filter(Boolean) : i.path).map((p) =>
              /^\d+$/.test(String(p)) ? Number(p) : p,
            ) as never,
            errors: [i.message],
          })),
        );
      else throw err;
    }
  };

  return (
    <Drawer
      open
      size="large"
      title={source ? t('ds.edit') : t('ds.create')}
      onClose={onClose}
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="ds-save">
          {t('common.save')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        {!source && (
          <>
            <Form.Item name="profile" label={t('ds.profile')}>
              <Select
                options={profiles.map((p) => ({ value: p.code, label: t(`ds.profile.${p.code}`) }))}
                onChange={(code) => {
                  const p = profiles.find((x) => x.code === code);
                  if (p) form.setFieldsValue(fromProfile(p));
                }}
                data-testid="ds-profile"
              />
            </Form.Item>
            <Form.Item name="ownerUnitId" label={t('ds.owner')} rules={[{ required: true }]}>
              <Select options={offices.map((o) => ({ value: o.unitId, label: o.unitName }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="name" label={t('ds.name')} rules={[{ required: true }]}>
          <Input data-testid="ds-name" />
        </Form.Item>
        <Form.Item name="owningSystem" label={t('ds.owningSystem')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="method" label={t('ds.method')}>
            <Select style={{ width: 110 }} options={['GET', 'POST'].map((m) => ({ value: m, label: m }))} />
          </Form.Item>
          <Form.Item name="format" label={t('ds.format')}>
            <Select
              style={{ width: 110 }}
              options={[
                { value: 'json', label: 'JSON' },
                { value: 'csv', label: 'CSV' },
              ]}
            />
          </Form.Item>
          <Form.Item name="schedule" label={t('ds.schedule')}>
            <Select
              style={{ width: 200 }}
              options={(['manual', 'daily', 'monthly'] as const).map((s) => ({
                value: s,
                label: t(`ds.schedule.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="periodKind" label={t('ds.periodKind')}>
            <Select
              style={{ width: 120 }}
              options={(['year', 'quarter', 'month'] as const).map((s) => ({
                value: s,
                label: t(`ds.periodKind.${s}`),
              }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="urlTemplate" label={t('ds.url')} extra={t('ds.urlHelp')} rules={[{ required: true }]}>
          <Input data-testid="ds-url" />
        </Form.Item>
        <Form.Item name="bodyTemplate" label={t('ds.body')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="authHeader" label={t('ds.authHeader')}>
            <Input placeholder="Authorization" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="authToken" label={t('ds.authToken')}>
            <Input.Password
              style={{ width: 320 }}
              autoComplete="new-password"
              placeholder={source?.hasToken ? t('ds.authTokenSaved') : ''}
            />
          </Form.Item>
          {source?.hasToken && (
            <Form.Item name="removeToken" valuePropName="checked" label=" ">
              <Checkbox>{t('ds.removeToken')}</Checkbox>
            </Form.Item>
          )}
        </Space>
        <Space wrap>
          {format !== 'csv' && (
            <Form.Item name="recordsPath" label={t('ds.recordsPath')}>
              <Input style={{ width: 220 }} />
            </Form.Item>
          )}
          <Form.Item name="unitIdField" label={t('ds.unitIdField')} rules={[{ required: true }]}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="unitNameField" label={t('ds.unitNameField')}>
            <Input style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Form.Item name="matchByCode" valuePropName="checked">
          <Checkbox>{t('ds.matchByCode')}</Checkbox>
        </Form.Item>
        <Form.Item name="campaignId" label={t('ds.campaign')}>
          <Select
            allowClear
            showSearch={accentInsensitiveSearch}
            options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="ds-campaign"
          />
        </Form.Item>
        <Typography.Title level={5}>{t('ds.fields')}</Typography.Title>
        <Form.List name="fieldMapping">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start">
                  <Form.Item name={[f.name, 'field']} label={t('ds.field')} rules={[{ required: true }]}>
                    <Input style={{ width: 190 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'label']} label=" ">
                    <Input style={{ width: 170 }} disabled={profile === '766'} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'itemCode']} label={t('ds.itemCode')}>
                    <Input style={{ width: 100 }} data-testid={`ds-item-${f.name}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'input']} label={t('ds.input')} rules={[{ required: true }]}>
                    <Input style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'min']} label={t('ds.min')}>
                    <InputNumber style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'max']} label={t('ds.max')}>
                    <InputNumber style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item label=" ">
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                  </Form.Item>
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ input: 'value' })}>
                {t('ds.addField')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="active" valuePropName="checked" label={t('ds.active')} style={{ marginTop: 16 }}>
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
