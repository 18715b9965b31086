// Chart colours of bands (same reading as BandTag): Tốt green, Khá blue, Trung bình orange, Yếu red.
import { bandColor } from '../../pages/results/BandTag.tsx';

const HEX: Record<string, string> = {
  green: '#389e0d',
  blue: '#1677ff',
  orange: '#fa8c16',
  red: '#cf1322',
  default: '#8c8c8c',
};

export const bandHex = (label: string): string => HEX[bandColor(label)] ?? HEX['default']!;
