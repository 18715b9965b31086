// A band (xếp loại) as a coloured tag: Tốt green, Khá blue, Trung bình orange, Yếu red.
import { Tag } from 'antd';
import { foldVietnamese } from '../../../core/text/vietnamese.ts';

const COLORS: [string, string][] = [
  ['xuat sac', 'green'],
  ['tot', 'green'],
  ['kha', 'blue'],
  ['trung binh', 'orange'],
  ['yeu', 'red'],
  ['kem', 'red'],
];

export function bandColor(label: string): string {
  const f = foldVietnamese(label).toLowerCase().trim();
  return COLORS.find(([k]) => f === k || f.startsWith(`${k} `) || f.endsWith(` ${k}`))?.[1] ?? 'default';
}

export function BandTag({ band }: { band: { code: string; label: string } | null }) {
  if (!band) return null;
  return (
    <Tag color={bandColor(band.label)} data-testid="band-tag" data-band={band.code}>
      {band.label}
    </Tag>
  );
}
