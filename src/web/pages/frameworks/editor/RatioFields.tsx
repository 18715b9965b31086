// Ratio method a / b × max: labels of a and b, cap, minimum ratio, rule when b = 0.
import { Col, Input, Row, Select, Typography } from 'antd';
import type { RatioMethod } from '../../../../core/framework/index.ts';
import { useT } from '../../../i18n/context.ts';
import { DecimalInput } from './DecimalInput.tsx';

type Opt<K extends keyof RatioMethod> = RatioMethod[K] | undefined;

export function RatioFields({
  method,
  editable,
  onChange,
}: {
  method: RatioMethod;
  editable: boolean;
  onChange: (m: RatioMethod) => void;
}) {
  const t = useT();
  const set = <K extends keyof RatioMethod>(k: K, v: Opt<K>) => {
    const next: RatioMethod = { ...method, [k]: v };
    if (v === undefined || v === '') delete next[k];
    onChange(next);
  };
  const label = (key: Parameters<typeof t>[0]) => (
    <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
      {t(key)}
    </Typography.Text>
  );
  return (
    <Row gutter={[12, 12]} data-testid="fw-ratio-fields">
      <Col xs={24} md={12}>
        {label('fw.numeratorLabel')}
        <Input
          readOnly={!editable}
          value={method.numeratorLabel ?? ''}
          onChange={(e) => set('numeratorLabel', e.target.value || undefined)}
        />
      </Col>
      <Col xs={24} md={12}>
        {label('fw.denominatorLabel')}
        <Input
          readOnly={!editable}
          value={method.denominatorLabel ?? ''}
          onChange={(e) => set('denominatorLabel', e.target.value || undefined)}
        />
      </Col>
      <Col xs={12} md={6}>
        {label('fw.cap')}
        <DecimalInput
          readOnly={!editable}
          min={0}
          step={0.1}
          placeholder="1"
          style={{ width: '100%' }}
          value={method.cap}
          onChange={(v) => set('cap', v ?? undefined)}
        />
      </Col>
      <Col xs={12} md={6}>
        {label('fw.minRatio')}
        <DecimalInput
          readOnly={!editable}
          min={0}
          step={0.1}
          style={{ width: '100%' }}
          value={method.minRatio}
          onChange={(v) => set('minRatio', v ?? undefined)}
        />
      </Col>
      <Col xs={24} md={12}>
        {label('fw.zeroDenominator')}
        <Select<RatioMethod['zeroDenominator']>
          disabled={!editable}
          style={{ width: '100%' }}
          value={method.zeroDenominator}
          onChange={(v) => set('zeroDenominator', v)}
          options={[
            { value: 'zero', label: t('fw.zero.zero') },
            { value: 'not_applicable', label: t('fw.zero.not_applicable') },
          ]}
        />
      </Col>
    </Row>
  );
}
