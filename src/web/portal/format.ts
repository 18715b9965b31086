// Vietnamese display of the portal's figures: points and percents with a decimal comma, dates dd/mm/yyyy,
// band tones (Tốt green, Khá blue, Trung bình orange, Yếu red) from the band's label.
import { foldVietnamese, formatNumberVi } from '../../core/text/vietnamese.ts';

export const fmtPoints = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : formatNumberVi(v, 2);
export const fmtPercent = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : `${formatNumberVi(v, 2)}%`;

export type BandTone = 'good' | 'fair' | 'average' | 'weak' | 'none';

const TONES: [string, BandTone][] = [
  ['xuat sac', 'good'],
  ['tot', 'good'],
  ['kha', 'fair'],
  ['trung binh', 'average'],
  ['yeu', 'weak'],
  ['kem', 'weak'],
];

export function bandTone(label: string | null | undefined): BandTone {
  if (!label) return 'none';
  const f = foldVietnamese(label);
  return TONES.find(([k]) => f === k || f.startsWith(`${k} `) || f.endsWith(` ${k}`))?.[1] ?? 'none';
}

/** Chart colours of the tones (enough contrast on white). */
export const TONE_COLORS: Record<BandTone, string> = {
  good: '#2e7d32',
  fair: '#1565c0',
  average: '#e65100',
  weak: '#c62828',
  none: '#616161',
};

export const campaignPath = (id: string, groupId?: string) =>
  `/cong-khai/ky/${encodeURIComponent(id)}${groupId ? `/nhom/${encodeURIComponent(groupId)}` : ''}`;
export const unitPath = (unitId: string, campaignId?: string) =>
  `/cong-khai/don-vi/${encodeURIComponent(unitId)}${campaignId ? `?ky=${encodeURIComponent(campaignId)}` : ''}`;
