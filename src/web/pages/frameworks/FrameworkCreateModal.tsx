// New empty draft: the set's metadata (code, name, decision, unit types, declared totals); the tree starts
// with one main indicator so the document is valid, and is then built in the editor.
import { useState } from 'react';
import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { parseFrameworkDocument } from '../../../core/framework/index.ts';
import type { FrameworkDefinition } from '../../../core/framework/index.ts';
import { UNIT_TYPES } from '../../../core/org/unit-types.ts';
import type { UnitType } from '../../../core/org/unit-types.ts';
import type { FrameworkSummary } from '../../../contract/frameworks.ts';
import { useCreateFramework } from '../../api/frameworks.ts';
import { useUnitTypeLabel } from '../../components/UnitTypeTag.tsx';
import { DATE_FORMAT, toApiDate } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';
import { ProblemList } from './editor/ProblemList.tsx';
import { validationOf } from './format.ts';
import { DecimalInput } from './editor/DecimalInput.tsx';

interface Values {
  code: string;
  name: string;
  decisionNumber: string;
  decisionDate?: Dayjs | null;
  issuer: string;
  unitTypes: UnitType[];
  groupName?: string;
  mainIndicators?: number | null;
  subIndicators?: number | null;
  totalPoints?: number | null;
  illustrative?: boolean;
  description?: string;
}

function toDefinition(v: Values, firstTitle: string): FrameworkDefinition {
  const opt = <T,>(x: T | null | undefined) => (x === null || x === undefined || x === '' ? undefined : x);
  const declared = {
    mainIndicators: opt(v.mainIndicators),
    subIndicators: opt(v.subIndicators),
    totalPoints: opt(v.totalPoints),
  };
  const hasDeclared = Object.values(declared).some((x) => x !== undefined);
  const def: FrameworkDefinition = {
    code: v.code.trim(),
    name: v.name.trim(),
    decision: {
      number: v.decisionNumber.trim(),
      issuer: v.issuer.trim(),
      date: toApiDate(v.decisionDate) ?? undefined,
    },
    appliesTo: { unitTypes: v.unitTypes, groupName: opt(v.groupName?.trim()) },
    declared: hasDeclared ? declared : undefined,
    illustrative: v.illustrative || undefined,
    description: opt(v.description?.trim()),
    nodes: [{ code: '1', title: firstTitle, maxPoints: v.totalPoints ?? 0, method: { kind: 'manual' } }],
  };
  return JSON.parse(JSON.stringify(def)) as FrameworkDefinition;
}

export function FrameworkCreateModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (f: FrameworkSummary) => void;
}) {
  const t = useT();
  const typeLabel = useUnitTypeLabel();
  const [form] = Form.useForm<Values>();
  const create = useCreateFramework();
  const [localProblems, setLocalProblems] = useState<string[]>([]);
  const server = validationOf(create.error);

  const submit = (v: Values) => {
    const def = toDefinition(v, t('fw.newMainTitle'));
    const parsed = parseFrameworkDocument(def);
    if (!parsed.ok) {
      setLocalProblems(parsed.problems.map((p) => `${p.path}: ${p.message}`));
      return;
    }
    setLocalProblems([]);
    create.mutate(def, { onSuccess: onCreated });
  };

  return (
    <Modal
      open
      title={t('fw.createTitle')}
      onCancel={onClose}
      width={760}
      okText={t('common.create')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'fw-create-submit' }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ unitTypes: [], illustrative: false }}
      >
        <Row gutter={12}>
          <Col xs={24} md={10}>
            <Form.Item
              name="code"
              label={t('fw.code')}
              extra={t('fw.codeHint')}
              rules={[
                { required: true, message: t('common.required') },
                { pattern: /^[a-z0-9][a-z0-9-]*$/, message: t('fw.codeHint') },
              ]}
            >
              <Input data-testid="fw-form-code" placeholder="ht-2878-2023-xa" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              name="name"
              label={t('fw.name')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input data-testid="fw-form-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="decisionNumber"
              label={t('fw.decisionNumber')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input data-testid="fw-form-decision" placeholder="2878/QĐ-UBND" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="decisionDate" label={t('fw.decisionDate')}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="issuer"
              label={t('fw.issuer')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input data-testid="fw-form-issuer" placeholder="UBND tỉnh …" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              name="unitTypes"
              label={t('fw.appliesTo')}
              rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}
            >
              <Select
                mode="multiple"
                data-testid="fw-form-unit-types"
                options={UNIT_TYPES.map((u) => ({ value: u, label: typeLabel(u) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="groupName" label={t('fw.groupName')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="mainIndicators" label={t('fw.declaredMain')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="subIndicators" label={t('fw.declaredSub')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="totalPoints" label={t('fw.declaredTotal')}>
              <DecimalInput min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('fw.description')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="illustrative" label={t('fw.illustrativeField')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {localProblems.length > 0 && <Alert type="error" showIcon title={localProblems.join(' · ')} />}
      {server && <ProblemList errors={server.errors} warnings={server.warnings} />}
      {create.error && !server && (
        <Alert type="error" showIcon title={create.error.message} data-testid="fw-create-error" />
      )}
    </Modal>
  );
}
