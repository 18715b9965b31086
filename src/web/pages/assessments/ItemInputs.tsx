// Inputs of one item suited to its method: a score on the step grid (manual), Có/Không (yesno), the options
// (choice), a and b with their labels (ratio, percent steps), a count (steps), the formula's inputs, and
// "Không áp dụng" where the method or the guidance allows it.
import type { ReactNode } from 'react';
import { Checkbox, Col, Radio, Row, Space, Typography } from 'antd';
import { type FrameworkNode, offersNotApplicable } from '../../../core/framework/index.ts';
import type { ItemInputs as Inputs } from '../../../contract/assessments.ts';
import { DecimalInput } from '../frameworks/editor/DecimalInput.tsx';
import { useT } from '../../i18n/context.ts';

interface Props {
  node: FrameworkNode;
  inputs: Inputs;
  disabled: boolean;
  phone: boolean;
  onChange: (inputs: Inputs) => void;
}

/** Not applicable is offered when the index set offers it for the item (core offersNotApplicable), and
 *  shown whenever it is already set (by the unit before, or by the council for the whole group). */
export function allowsNotApplicable(node: FrameworkNode, inputs: Inputs): boolean {
  return inputs['notApplicable'] === true || offersNotApplicable(node);
}

const numberOf = (v: unknown): number | null =>
  typeof v === 'number'
    ? v
    : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v.replace(',', '.')))
      ? Number(v.replace(',', '.'))
      : null;

export function ItemInputs({ node, inputs, disabled, phone, onChange }: Props) {
  const t = useT();
  const method = node.method ?? { kind: 'manual' as const };
  const na = inputs['notApplicable'] === true;
  const off = disabled || na;
  const size = phone ? 'large' : 'middle';
  const set = (key: string, value: Inputs[string]) => onChange({ ...inputs, [key]: value });
  const tid = (key: string) => `item-${node.code}-${key}`;
  const number = (key: string, label: string, extra: { step?: number } = {}) => (
    <Col xs={24} sm={12} key={key}>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
        {label}
      </Typography.Text>
      {/* No min/max: the input would move 150 to 100 silently; the form refuses it instead (issue 13 §6). */}
      <DecimalInput
        style={{ width: '100%' }}
        size={size}
        step={extra.step}
        inputMode="decimal"
        disabled={off}
        value={numberOf(inputs[key])}
        onChange={(v) => set(key, v ?? null)}
        data-testid={tid(key)}
      />
    </Col>
  );
  const yesNo = (key: string, label: string | null) => (
    <Col xs={24} sm={label ? 12 : 24} key={key}>
      {label && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
          {label}
        </Typography.Text>
      )}
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        size={size}
        disabled={off}
        value={inputs[key] === true ? 'yes' : inputs[key] === false ? 'no' : undefined}
        onChange={(e) => set(key, e.target.value === 'yes')}
        data-testid={tid(key)}
        options={[
          { value: 'yes', label: t('as.yes') },
          { value: 'no', label: t('as.no') },
        ]}
      />
    </Col>
  );
  const fields: ReactNode[] = [];
  switch (method.kind) {
    case 'manual':
      fields.push(
        number('score', t('as.scoreInput', { step: String(method.step ?? 0.01).replace('.', ',') }), {
          step: method.step ?? 0.25,
        }),
      );
      break;
    case 'yesno':
      fields.push(yesNo('yes', null));
      break;
    case 'choice':
      fields.push(
        <Col xs={24} key="choice">
          <Radio.Group
            disabled={off}
            value={typeof inputs['choice'] === 'string' ? inputs['choice'] : undefined}
            onChange={(e) => set('choice', e.target.value as string)}
            data-testid={tid('choice')}
          >
            <Space orientation="vertical" size={phone ? 12 : 6}>
              {method.options.map((o) => (
                <Radio
                  key={o.value}
                  value={o.value}
                  style={{ whiteSpace: 'normal' }}
                  data-testid={`${tid('choice')}-${o.value}`}
                >
                  {o.label || o.value}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Col>,
      );
      break;
    case 'ratio':
      fields.push(number('a', method.numeratorLabel ? `a — ${method.numeratorLabel}` : t('as.percentA')));
      fields.push(number('b', method.denominatorLabel ? `b — ${method.denominatorLabel}` : t('as.percentB')));
      break;
    case 'steps':
      if (method.input === 'percent') fields.push(number('a', t('as.percentA')), number('b', t('as.percentB')));
      else fields.push(number('value', method.valueLabel ?? t('as.value')));
      break;
    case 'formula':
      for (const i of method.inputs)
        fields.push(i.type === 'boolean' ? yesNo(i.name, i.label || i.name) : number(i.name, i.label || i.name));
      break;
  }
  return (
    <Row gutter={[12, 12]} data-testid={`item-${node.code}-inputs`}>
      {method.kind === 'steps' && method.input === 'percent' && method.valueLabel && (
        <Col xs={24}>
          <Typography.Text type="secondary">{method.valueLabel}</Typography.Text>
        </Col>
      )}
      {fields}
      {allowsNotApplicable(node, inputs) && (
        <Col xs={24}>
          <Checkbox
            checked={na}
            disabled={disabled}
            onChange={(e) => {
              const { notApplicable: _dropped, ...rest } = inputs;
              onChange(e.target.checked ? { ...rest, notApplicable: true } : rest);
            }}
            data-testid={tid('na')}
          >
            {t('as.notApplicable')}
          </Checkbox>
        </Col>
      )}
    </Row>
  );
}
