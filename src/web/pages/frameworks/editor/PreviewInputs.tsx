// Inputs of the live preview, suited to the method: numbers a/b, a yes/no switch, a choice, a count or a
// score, the formula's inputs and the informational fields; plus "not applicable".
import type { ReactNode } from 'react';
import { Checkbox, Col, Input, Row, Select, Switch, Typography } from 'antd';
import type { InfoField, InfoValues, InputValues, ScoringMethod } from '../../../../core/framework/index.ts';
import { useT } from '../../../i18n/context.ts';

interface Props {
  method: ScoringMethod;
  infoFields: InfoField[];
  inputs: InputValues;
  info: Record<string, string>;
  onInputs: (v: InputValues) => void;
  onInfo: (v: Record<string, string>) => void;
}

/** Info values as numbers for the engine (text "12,5" accepted). */
export function infoValues(info: Record<string, string>): InfoValues {
  const out: InfoValues = {};
  for (const [k, v] of Object.entries(info)) {
    const n = Number(v.trim().replace(',', '.'));
    out[k] = v.trim() === '' || !Number.isFinite(n) ? null : n;
  }
  return out;
}

export function PreviewInputs({ method, infoFields, inputs, info, onInputs, onInfo }: Props) {
  const t = useT();
  const set = (key: string, value: InputValues[string]) => onInputs({ ...inputs, [key]: value });
  const field = (key: string, label: string) => (
    <Col xs={24} sm={12} key={key}>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
        {label}
      </Typography.Text>
      <Input
        inputMode="decimal"
        value={String(inputs[key] ?? '')}
        onChange={(e) => set(key, e.target.value)}
        data-testid={`fw-preview-${key}`}
      />
    </Col>
  );
  const fields: ReactNode[] = [];
  switch (method.kind) {
    case 'manual':
      fields.push(field('score', t('fw.previewScore')));
      break;
    case 'yesno':
      fields.push(
        <Col xs={24} key="yes">
          <Switch checked={inputs['yes'] === true} onChange={(v) => set('yes', v)} data-testid="fw-preview-yes" />{' '}
          <Typography.Text>
            {inputs['yes'] === undefined ? '—' : inputs['yes'] === true ? t('common.yes') : t('common.no')}
          </Typography.Text>
        </Col>,
      );
      break;
    case 'choice':
      fields.push(
        <Col xs={24} key="choice">
          <Select
            style={{ width: '100%' }}
            placeholder={t('fw.previewChoice')}
            value={typeof inputs['choice'] === 'string' ? inputs['choice'] : undefined}
            onChange={(v: string) => set('choice', v)}
            options={method.options.map((o) => ({ value: o.value, label: o.label || o.value }))}
            data-testid="fw-preview-choice"
          />
        </Col>,
      );
      break;
    case 'ratio':
      fields.push(field('a', method.numeratorLabel ? `a — ${method.numeratorLabel}` : t('fw.previewA')));
      fields.push(field('b', method.denominatorLabel ? `b — ${method.denominatorLabel}` : t('fw.previewB')));
      break;
    case 'steps':
      if (method.input === 'percent') {
        fields.push(field('a', t('fw.previewA')), field('b', t('fw.previewB')));
      } else fields.push(field('value', method.valueLabel ?? t('fw.previewValue')));
      break;
    case 'formula':
      for (const i of method.inputs) {
        if (i.type === 'boolean') {
          fields.push(
            <Col xs={24} sm={12} key={i.name}>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
                {i.label || i.name}
              </Typography.Text>
              <Switch
                checked={inputs[i.name] === true}
                onChange={(v) => set(i.name, v)}
                data-testid={`fw-preview-${i.name}`}
              />
            </Col>,
          );
        } else fields.push(field(i.name, i.label && i.label !== i.name ? `${i.name} — ${i.label}` : i.name));
      }
      break;
  }
  const usesInfo = method.kind === 'formula' && method.expression.includes('info.');
  return (
    <Row gutter={[12, 12]} data-testid="fw-preview-inputs">
      {fields}
      {usesInfo &&
        infoFields.map((f) => (
          <Col xs={24} sm={12} key={`info.${f.key}`}>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
              {t('fw.infoField', { label: f.label })}
              {f.unit ? ` (${f.unit})` : ''}
            </Typography.Text>
            <Input
              inputMode="decimal"
              value={info[f.key] ?? ''}
              onChange={(e) => onInfo({ ...info, [f.key]: e.target.value })}
              data-testid={`fw-preview-info-${f.key}`}
            />
          </Col>
        ))}
      <Col xs={24}>
        <Checkbox
          checked={inputs['notApplicable'] === true}
          onChange={(e) => set('notApplicable', e.target.checked || undefined)}
          data-testid="fw-preview-na"
        >
          {t('fw.notApplicable')}
        </Checkbox>
      </Col>
    </Row>
  );
}
