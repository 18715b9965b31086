// Points or fraction of max for a choice option or a steps threshold (exactly one of the two).
import { Select, Space } from 'antd';
import { useT } from '../../../i18n/context.ts';
import { DecimalInput } from './DecimalInput.tsx';

export interface Share {
  points?: number;
  fraction?: number;
}

export function ShareInput({
  value,
  editable,
  onChange,
  testId,
}: {
  value: Share;
  editable: boolean;
  onChange: (s: Share) => void;
  testId?: string;
}) {
  const t = useT();
  const kind = value.fraction !== undefined ? 'fraction' : 'points';
  const amount = kind === 'fraction' ? value.fraction : value.points;
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select
        disabled={!editable}
        value={kind}
        style={{ width: 110, flex: 'none' }}
        onChange={(k) => onChange(k === 'fraction' ? { fraction: Math.min(1, amount ?? 1) } : { points: amount ?? 0 })}
        options={[
          { value: 'points', label: t('fw.sharePoints') },
          { value: 'fraction', label: t('fw.shareFraction') },
        ]}
      />
      <DecimalInput
        readOnly={!editable}
        min={0}
        max={kind === 'fraction' ? 1 : undefined}
        step={kind === 'fraction' ? 0.1 : 1}
        style={{ width: '100%' }}
        value={amount}
        data-testid={testId}
        onChange={(v) => typeof v === 'number' && onChange(kind === 'fraction' ? { fraction: v } : { points: v })}
      />
    </Space.Compact>
  );
}
