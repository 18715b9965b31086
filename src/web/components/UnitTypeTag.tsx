// Tag with the unit type label in the current language.
import { Tag } from 'antd';
import { UNIT_TYPE_LABELS, isUnitType } from '../../core/org/unit-types.ts';
import { UNIT_TYPE_LABELS_EN } from '../i18n/en.ts';
import { useI18n } from '../i18n/context.ts';

const COLORS: Record<string, string> = {
  province: 'red',
  department: 'blue',
  central_agency: 'purple',
  district: 'orange',
  commune: 'green',
  public_service_unit: 'cyan',
  other: 'default',
};

export function useUnitTypeLabel(): (type: string) => string {
  const { lang } = useI18n();
  return (type: string) => {
    if (lang === 'en') return UNIT_TYPE_LABELS_EN[type] ?? type;
    return isUnitType(type) ? UNIT_TYPE_LABELS[type] : type;
  };
}

export function UnitTypeTag({ type }: { type: string }) {
  const label = useUnitTypeLabel();
  return (
    <Tag color={COLORS[type] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {label(type)}
    </Tag>
  );
}
