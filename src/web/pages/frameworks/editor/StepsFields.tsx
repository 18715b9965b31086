// Steps method: what the value is (a number typed by the unit, or a percent a/b × 100), its label, the
// rule when b = 0 (percent), and the thresholds, highest first.
import { Button, Col, Input, Row, Select, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { StepThreshold, StepsMethod } from '../../../../core/framework/index.ts';
import { useT } from '../../../i18n/context.ts';
import { ShareInput } from './ShareInput.tsx';
import type { Share } from './ShareInput.tsx';
import { DecimalInput } from './DecimalInput.tsx';

function withShare(x: StepThreshold, s: Share): StepThreshold {
  return { atLeast: x.atLeast, ...s };
}

export function StepsFields({
  method,
  editable,
  onChange,
}: {
  method: StepsMethod;
  editable: boolean;
  onChange: (m: StepsMethod) => void;
}) {
  const t = useT();
  const percent = method.input === 'percent';
  const setThreshold = (i: number, x: StepThreshold) =>
    onChange({ ...method, thresholds: method.thresholds.map((y, j) => (j === i ? x : y)) });
  const label = (key: Parameters<typeof t>[0]) => (
    <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
      {t(key)}
    </Typography.Text>
  );
  const setInput = (input: StepsMethod['input']) => {
    const { zeroDenominator: _z, ...rest } = method;
    onChange(input === 'percent' ? { ...rest, input } : { ...rest, input });
  };
  const setZero = (z: StepsMethod['zeroDenominator'] | '') => {
    const { zeroDenominator: _z, ...rest } = method;
    onChange(z ? { ...rest, zeroDenominator: z } : rest);
  };
  return (
    <div data-testid="fw-steps-fields">
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          {label('fw.stepsInput')}
          <Select<StepsMethod['input']>
            disabled={!editable}
            style={{ width: '100%' }}
            value={method.input}
            onChange={setInput}
            options={[
              { value: 'number', label: t('fw.stepsNumber') },
              { value: 'percent', label: t('fw.stepsPercent') },
            ]}
            data-testid="fw-steps-input"
          />
        </Col>
        <Col xs={24} md={8}>
          {label('fw.valueLabel')}
          <Input
            readOnly={!editable}
            value={method.valueLabel ?? ''}
            onChange={(e) => {
              const { valueLabel: _v, ...rest } = method;
              onChange(e.target.value ? { ...rest, valueLabel: e.target.value } : rest);
            }}
          />
        </Col>
        {percent && (
          <Col xs={24} md={8}>
            {label('fw.zeroDenominator')}
            <Select<StepsMethod['zeroDenominator'] | ''>
              disabled={!editable}
              style={{ width: '100%' }}
              value={method.zeroDenominator ?? ''}
              onChange={setZero}
              options={[
                { value: '', label: t('fw.zero.unset') },
                { value: 'zero', label: t('fw.zero.zero') },
                { value: 'not_applicable', label: t('fw.zero.not_applicable') },
              ]}
            />
          </Col>
        )}
      </Row>
      <Table<StepThreshold>
        size="small"
        pagination={false}
        rowKey={(_x, i) => String(i ?? 0)}
        dataSource={method.thresholds}
        columns={[
          {
            title: percent ? t('fw.atLeastPercent') : t('fw.atLeast'),
            key: 'a',
            width: 160,
            render: (_: unknown, x, i) => (
              <DecimalInput
                readOnly={!editable}
                min={0}
                style={{ width: '100%' }}
                value={x.atLeast}
                suffix={percent ? '%' : undefined}
                onChange={(v) => typeof v === 'number' && setThreshold(i, { ...x, atLeast: v })}
              />
            ),
          },
          {
            title: t('fw.share'),
            key: 's',
            render: (_: unknown, x, i) => (
              <ShareInput value={x} editable={editable} onChange={(s) => setThreshold(i, withShare(x, s))} />
            ),
          },
          ...(editable
            ? [
                {
                  key: 'x',
                  width: 44,
                  render: (_: unknown, _x: StepThreshold, i: number) => (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => onChange({ ...method, thresholds: method.thresholds.filter((_y, j) => j !== i) })}
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
          onClick={() => onChange({ ...method, thresholds: [...method.thresholds, { atLeast: 0, points: 0 }] })}
        >
          {t('fw.addThreshold')}
        </Button>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('fw.thresholdsHint')}
      </Typography.Paragraph>
    </div>
  );
}
