// Formula method: the expression (checked by the engine's parser as it is typed, error with position) and
// its declared inputs; informational fields are usable as info.<key>.
import { Button, Input, Select, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { parseFormula } from '../../../../core/framework/index.ts';
import type { FormulaInput, FormulaMethod, InfoField } from '../../../../core/framework/index.ts';
import { useI18n } from '../../../i18n/context.ts';

interface Props {
  method: FormulaMethod;
  infoFields: InfoField[];
  editable: boolean;
  onChange: (m: FormulaMethod) => void;
}

export function FormulaFields({ method, infoFields, editable, onChange }: Props) {
  const { t, lang } = useI18n();
  const parsed = parseFormula(method.expression);
  const setInput = (i: number, x: FormulaInput) =>
    onChange({ ...method, inputs: method.inputs.map((y, j) => (j === i ? x : y)) });
  return (
    <div data-testid="fw-formula-fields">
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
        {t('fw.expression')}
      </Typography.Text>
      <Input.TextArea
        readOnly={!editable}
        autoSize={{ minRows: 1, maxRows: 6 }}
        value={method.expression}
        status={parsed.ok ? undefined : 'error'}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
        data-testid="fw-formula-expression"
        onChange={(e) => onChange({ ...method, expression: e.target.value })}
      />
      {!parsed.ok && (
        <Typography.Text type="danger" data-testid="fw-formula-error">
          {lang === 'vi'
            ? parsed.message
            : t('fwProblem.FORMULA_PARSE_ERROR', { expression: method.expression, position: parsed.position })}
        </Typography.Text>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 12px' }}>
        {t('fw.formulaHint')}
        {infoFields.length > 0 &&
          ` ${t('fw.formulaInfo', { keys: infoFields.map((f) => `info.${f.key}`).join(', ') })}`}
      </Typography.Paragraph>
      <Table<FormulaInput>
        size="small"
        pagination={false}
        rowKey={(_x, i) => String(i ?? 0)}
        dataSource={method.inputs}
        columns={[
          {
            title: t('fw.inputName'),
            key: 'n',
            width: 150,
            render: (_: unknown, x, i) => (
              <Input
                readOnly={!editable}
                value={x.name}
                onChange={(e) => setInput(i, { ...x, name: e.target.value })}
              />
            ),
          },
          {
            title: t('fw.inputLabel'),
            key: 'l',
            render: (_: unknown, x, i) => (
              <Input
                readOnly={!editable}
                value={x.label}
                onChange={(e) => setInput(i, { ...x, label: e.target.value })}
              />
            ),
          },
          {
            title: t('fw.inputType'),
            key: 't',
            width: 140,
            render: (_: unknown, x, i) => (
              <Select<FormulaInput['type']>
                disabled={!editable}
                style={{ width: '100%' }}
                value={x.type}
                onChange={(v) => setInput(i, { ...x, type: v })}
                options={[
                  { value: 'number', label: t('fw.typeNumber') },
                  { value: 'boolean', label: t('fw.typeBoolean') },
                ]}
              />
            ),
          },
          ...(editable
            ? [
                {
                  key: 'x',
                  width: 44,
                  render: (_: unknown, _x: FormulaInput, i: number) => (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => onChange({ ...method, inputs: method.inputs.filter((_y, j) => j !== i) })}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() =>
            onChange({
              ...method,
              inputs: [...method.inputs, { name: `x${method.inputs.length + 1}`, label: '', type: 'number' }],
            })
          }
        >
          {t('fw.addInput')}
        </Button>
      )}
    </div>
  );
}
