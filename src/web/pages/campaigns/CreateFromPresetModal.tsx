// Create a campaign from preset: year, owner unit, one or more unit groups each with a published index set.
// The server fills rules, periods, deadlines and appraiser; the new draft opens for review.
import { Alert, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useCreateFromPreset } from '../../api/campaigns.ts';
import { useFrameworks } from '../../api/frameworks.ts';
import { useUnitGroups } from '../../api/unitGroups.ts';
import { UnitTreeSelect } from '../../components/UnitTreeSelect.tsx';
import { useServerError } from '../../hooks/useServerError.ts';
import { useT } from '../../i18n/context.ts';
import { accentInsensitiveSearch } from '../../lib/searchSelect.ts';

interface Values {
  year: number;
  ownerUnitId: string;
  name?: string;
  groups: { unitGroupId: string; frameworkId: string }[];
}

export function CreateFromPresetModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateFromPreset();
  const server = useServerError(form);
  const navigate = useNavigate();
  const groups = useUnitGroups(1, 500);
  const frameworks = useFrameworks({ q: '', status: 'published', latest: false, page: 1, pageSize: 200 });

  const submit = async (v: Values) => {
    server.clear();
    try {
      const c = await create.mutateAsync({
        year: v.year,
        ownerUnitId: v.ownerUnitId,
        name: v.name?.trim() || undefined,
        groups: v.groups,
      });
      form.resetFields();
      onClose();
      navigate(`/campaigns/${c.id}`);
    } catch (e) {
      server.apply(e);
    }
  };

  return (
    <Modal
      open={open}
      title={t('camp.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      width={720}
      okButtonProps={{ ...({ 'data-testid': 'camp-create-submit' } as Record<string, string>) }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('camp.createHelp')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ year: new Date().getFullYear(), groups: [{}] }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="year" label={t('camp.year')} rules={[{ required: true, message: t('camp.required') }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} data-testid="camp-create-year" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              name="ownerUnitId"
              label={t('camp.owner')}
              rules={[{ required: true, message: t('camp.required') }]}
            >
              <UnitTreeSelect testId="camp-create-owner" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="name" label={t('camp.nameOptional')}>
          <Input data-testid="camp-create-name" />
        </Form.Item>
        <Form.List name="groups">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row gutter={8} key={f.key} align="top">
                  <Col xs={24} sm={11}>
                    <Form.Item
                      name={[f.name, 'unitGroupId']}
                      label={t('camp.group')}
                      rules={[{ required: true, message: t('camp.required') }]}
                    >
                      <Select
                        showSearch={accentInsensitiveSearch}
                        loading={groups.isLoading}
                        data-testid={`camp-create-group-${f.name}`}
                        options={(groups.data?.items ?? []).map((g) => ({
                          value: g.id,
                          label: `${g.name} (${g.memberCount})`,
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={22} sm={11}>
                    <Form.Item
                      name={[f.name, 'frameworkId']}
                      label={t('camp.frameworkPublished')}
                      rules={[{ required: true, message: t('camp.required') }]}
                    >
                      <Select
                        showSearch={accentInsensitiveSearch}
                        loading={frameworks.isLoading}
                        data-testid={`camp-create-fw-${f.name}`}
                        options={(frameworks.data?.items ?? []).map((fw) => ({
                          value: fw.id,
                          label: `${fw.name} — v${fw.version}`,
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={2} sm={2} style={{ paddingTop: 36 }}>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('camp.addGroup')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      {server.error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={server.error.message} />}
    </Modal>
  );
}
