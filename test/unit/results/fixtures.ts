// Shared test data for the results engine: the two decisions' band tables, a small index set shaped like
// the decisions' (main indicators → sub-indicators → items), and helpers to write item scores briefly.
import type { BandRule, FrameworkDefinition, FrameworkNode } from '../../../src/core/framework/index.ts';
import { judgeSubmission, type CampaignRules } from '../../../src/core/campaign/index.ts';
import type { ItemScoreInput, ItemScores, TimingInput, UnitResultInput } from '../../../src/core/results/index.ts';

/** 000 (Hà Tĩnh 2878) Điều 9.2: Tốt ≥ 90 %, Khá 70–<90, Trung bình 50–<70, Yếu < 50. */
export const HA_TINH_BANDS: BandRule[] = [
  { code: 'tot', label: 'Tốt', minPercent: 90 },
  { code: 'kha', label: 'Khá', minPercent: 70 },
  { code: 'trung_binh', label: 'Trung bình', minPercent: 50 },
  { code: 'yeu', label: 'Yếu', minPercent: 0 },
];

/** 002 (Khánh Hòa 1278) Điều 8.1: Tốt ≥ 85 %, Khá 70–<85, Trung bình 50–<70, Yếu < 50. */
export const KHANH_HOA_BANDS: BandRule[] = [
  { code: 'tot', label: 'Tốt', minPercent: 85 },
  { code: 'kha', label: 'Khá', minPercent: 70 },
  { code: 'trung_binh', label: 'Trung bình', minPercent: 50 },
  { code: 'yeu', label: 'Yếu', minPercent: 0 },
];

/** 002 Điều 8.3–8.4: up to 5 days late → −100; later or never → Yếu. */
export const KHANH_HOA_TIMING: Pick<CampaignRules, 'lateSubmission' | 'nonSubmission'> = {
  lateSubmission: { toleranceDays: 5, penaltyPoints: 100, beyondTolerance: 'lowest_band' },
  nonSubmission: 'lowest_band',
};
export const KH_DEADLINE = '2024-11-15';
/** Submitted on 15 + days November 2024, 10:00 in Việt Nam. */
export const submittedDaysLate = (days: number): TimingInput =>
  judgeSubmission(KHANH_HOA_TIMING, KH_DEADLINE, new Date(Date.UTC(2024, 10, 15 + days, 3)));
export const notSubmitted = (): TimingInput => judgeSubmission(KHANH_HOA_TIMING, KH_DEADLINE, null);
export const ON_TIME: TimingInput = { kind: 'on_time', penaltyPoints: 0, lowestBand: false };

export const leaf = (code: string, maxPoints: number): FrameworkNode => ({
  code,
  title: `Tiêu chí ${code}`,
  maxPoints,
  method: { kind: 'manual' },
});
export const group = (code: string, maxPoints: number, children: FrameworkNode[]): FrameworkNode => ({
  code,
  title: `Chỉ số ${code}`,
  maxPoints,
  children,
});

/** One item worth 1000: the percent is the final score / 10, so each boundary is easy to hit exactly. */
export const SINGLE_1000: Pick<FrameworkDefinition, 'nodes'> = { nodes: [group('1', 1000, [leaf('1.1', 1000)])] };

/**
 * Two main indicators like a commune set (001 II.1: foundation and activity groups), 100 points:
 *   1 Nền tảng (40): 1.1 (20), 1.2 (20)
 *   2 Hoạt động (60): 2.1 (30) → 2.1.1 (10), 2.1.2 (20); 2.2 (30)
 */
export const SMALL_SET: Pick<FrameworkDefinition, 'nodes'> = {
  nodes: [
    group('1', 40, [leaf('1.1', 20), leaf('1.2', 20)]),
    group('2', 60, [group('2.1', 30, [leaf('2.1.1', 10), leaf('2.1.2', 20)]), leaf('2.2', 30)]),
  ],
};
export const SMALL_LEAVES = ['1.1', '1.2', '2.1.1', '2.1.2', '2.2'];

export const score = (final: number | null, self: number | null = final): ItemScoreInput => ({
  final,
  self,
  notApplicable: false,
});
export const na = (replacementCode?: string): ItemScoreInput => ({
  final: null,
  self: null,
  notApplicable: true,
  ...(replacementCode ? { replacementCode } : {}),
});

export function input(
  definition: Pick<FrameworkDefinition, 'nodes'>,
  itemScores: ItemScores,
  opts: { bands?: BandRule[]; timing?: TimingInput; notApplicable?: 'reduce_max' | 'replacement' } = {},
): UnitResultInput {
  return {
    definition,
    itemScores,
    timing: opts.timing ?? ON_TIME,
    rules: { bands: opts.bands ?? HA_TINH_BANDS, notApplicable: opts.notApplicable ?? 'reduce_max' },
  };
}

/** SMALL_SET with every item at `fraction` of its max (rounded to hundredths by the engine). */
export function uniform(fraction: number): Record<string, ItemScoreInput> {
  const max: Record<string, number> = { '1.1': 20, '1.2': 20, '2.1.1': 10, '2.1.2': 20, '2.2': 30 };
  return Object.fromEntries(SMALL_LEAVES.map((c) => [c, score(max[c]! * fraction)]));
}
