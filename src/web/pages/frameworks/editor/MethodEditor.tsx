// Scoring method of a leaf: the kind, a form suited to it, and the same method as notation text.
import { Col, Row, Select, Space, Typography } from 'antd';
import type { InfoField, ScoringMethod } from '../../../../core/framework/index.ts';
import { useT } from '../../../i18n/context.ts';
import { NotationField } from './NotationField.tsx';
import { ChoiceFields } from './ChoiceFields.tsx';
import { RatioFields } from './RatioFields.tsx';
import { StepsFields } from './StepsFields.tsx';
import { FormulaFields } from './FormulaFields.tsx';
import { DecimalInput } from './DecimalInput.tsx';

type Kind = ScoringMethod['kind'];
const KINDS: Kind[] = ['manual', 'yesno', 'choice', 'ratio', 'steps', 'formula'];

export function defaultMethod(kind: Kind): ScoringMethod {
  switch (kind) {
    case 'manual':
      return { kind };
    case 'yesno':
      return { kind };
    case 'choice':
      return {
        kind,
        options: [
          { value: 'co', label: 'Có', fraction: 1 },
          { value: 'khong', label: 'Không', fraction: 0 },
        ],
      };
    case 'ratio':
      return { kind, zeroDenominator: 'zero' };
    case 'steps':
      return { kind, input: 'number', thresholds: [{ atLeast: 1, fraction: 1 }] };
    case 'formula':
      return {
        kind,
        expression: 'min(a / b, 1) * max',
        inputs: [
          { name: 'a', label: 'a', type: 'number' },
          { name: 'b', label: 'b', type: 'number' },
        ],
      };
  }
}

interface Props {
  method: ScoringMethod | undefined;
  maxPoints: number;
  infoFields: InfoField[];
  editable: boolean;
  onChange: (m: ScoringMethod) => void;
}

export function MethodEditor({ method, maxPoints, infoFields, editable, onChange }: Props) {
  const t = useT();
  const m: ScoringMethod = method ?? { kind: 'manual' };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="fw-method-editor">
      <Row gutter={12} align="middle">
        <Col xs={24} md={10}>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
            {t('fw.methodKind')}
          </Typography.Text>
          <Select<Kind>
            disabled={!editable}
            style={{ width: '100%' }}
            value={m.kind}
            onChange={(k) => onChange(defaultMethod(k))}
            options={KINDS.map((k) => ({ value: k, label: t(`fw.kind.${k}`) }))}
            data-testid="fw-method-kind"
          />
        </Col>
        <Col xs={24} md={14}>
          <Typography.Text type="secondary">{t(`fw.kindHelp.${m.kind}`)}</Typography.Text>
          {!method && (
            <Typography.Text type="warning" style={{ display: 'block' }}>
              {t('fw.noMethod')}
            </Typography.Text>
          )}
        </Col>
      </Row>
      {m.kind === 'manual' && (
        <div>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
            {t('fw.manualStep')}
          </Typography.Text>
          <DecimalInput
            readOnly={!editable}
            min={0}
            step={0.25}
            value={m.step}
            placeholder={t('fw.optional')}
            onChange={(v) =>
              onChange(typeof v === 'number' && v > 0 ? { kind: 'manual', step: v } : { kind: 'manual' })
            }
            data-testid="fw-manual-step"
          />
        </div>
      )}
      {m.kind === 'choice' && <ChoiceFields method={m} maxPoints={maxPoints} editable={editable} onChange={onChange} />}
      {m.kind === 'ratio' && <RatioFields method={m} editable={editable} onChange={onChange} />}
      {m.kind === 'steps' && <StepsFields method={m} editable={editable} onChange={onChange} />}
      {m.kind === 'formula' && (
        <FormulaFields method={m} infoFields={infoFields} editable={editable} onChange={onChange} />
      )}
      <NotationField method={m} editable={editable} onChange={onChange} />
    </Space>
  );
}
