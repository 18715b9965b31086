// The signed snapshot as the read model: a stored result row (as computeCampaignRanking writes it) read
// back by publishedUnitResult gives the engine's own figures (status, totals, exact percents, bands, main
// indicators) without re-running it; a format-1 payload is upgraded by reading only (status from its
// stored fields, main indicators kept absent rather than recomputed); the schema refuses what is not a
// payload.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS } from '../../../src/core/campaign/index.ts';
import type { FrameworkDefinition, FrameworkNode } from '../../../src/core/framework/index.ts';
import {
  type ItemRow,
  type ResultRow,
  type StoredSnapshotPayload,
  type TimingInput,
  type UnitResult,
  SNAPSHOT_FORMAT,
  comparePercent,
  computeUnitResult,
  displayPercent,
  indicatorSummaries,
  itemScoresFromRows,
  publishedUnitResult,
  readSnapshotPayload,
  upgradeSnapshotPayload,
} from '../../../src/core/results/index.ts';

const nodes: FrameworkNode[] = [1, 2, 3].map((g) => ({
  code: String(g),
  title: `Chỉ số ${g}`,
  maxPoints: g === 3 ? 15 : 30,
  children: [1, 2, 3].map((i) => ({
    code: `${g}.${i}`,
    title: `${g}.${i}`,
    maxPoints: 10,
    method: { kind: 'manual' as const },
  })),
}));
const definition = { code: 'x', name: 'x', nodes } as unknown as FrameworkDefinition;
const rules = { bands: DEFAULT_BANDS, notApplicable: 'reduce_max' as const };
const leafCodes = nodes.flatMap((n) => n.children!.map((c) => c.code));

/** The stored row of a result, as campaign-results.ts writes it. */
function rowOf(r: UnitResult, items: ItemRow[], rank: number | null): ResultRow {
  return {
    unit: { id: 'u', code: 'U', name: 'Xã U' },
    group: { id: 'g', name: 'Nhóm' },
    submitted: r.timing.kind !== 'not_submitted',
    timing: r.timing.kind,
    status: r.status,
    selfTotal: r.selfTotal,
    finalTotal: r.finalTotal,
    penaltyPoints: r.penaltyApplied,
    finalAfterPenalty: r.finalAfterPenalty,
    maxPoints: r.maxPoints,
    applicableMax: r.applicableMax,
    percent: displayPercent(r.percent),
    band: r.band ? { code: r.band.code, label: r.band.label } : null,
    bandByScore: r.bandByScore ? { code: r.bandByScore.code, label: r.bandByScore.label } : null,
    rank,
    rankable: r.status === 'rankable',
    lowestBandReason:
      r.status === 'forced_lowest_band'
        ? r.timing.kind === 'not_submitted'
          ? 'not_submitted'
          : 'late_beyond_tolerance'
        : null,
    notApplicableCodes: r.notApplicableCodes,
    unappraisedCodes: r.unappraisedCodes,
    complete: r.complete,
    mainIndicators: indicatorSummaries(r),
    items,
  };
}

const arbItems = fc
  .array(
    fc.tuple(
      fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 0, max: 6 }),
    ),
    { minLength: 9, maxLength: 9 },
  )
  .map((xs) =>
    xs.map(
      ([f, s, roll], k): ItemRow => ({
        code: leafCodes[k]!,
        self: s / 100,
        final: roll === 0 ? null : f === null ? null : f / 100,
        notApplicable: roll === 0,
        replacementCode: null,
      }),
    ),
  );
const arbTiming: fc.Arbitrary<TimingInput> = fc.oneof(
  fc.constant<TimingInput>({ kind: 'on_time', penaltyPoints: 0, lowestBand: false }),
  fc
    .integer({ min: 0, max: 2000 })
    .map((h): TimingInput => ({ kind: 'late', penaltyPoints: h / 100, lowestBand: false })),
  fc.constant<TimingInput>({ kind: 'not_submitted', penaltyPoints: 0, lowestBand: true }),
);

describe('publishedUnitResult', () => {
  it('reads back the figures the engine stored, without re-running it', () => {
    fc.assert(
      fc.property(arbItems, arbTiming, (items, timing) => {
        const r = computeUnitResult({ definition, itemScores: itemScoresFromRows(items), timing, rules });
        const p = publishedUnitResult(rowOf(r, items, 1), definition, rules, timing);
        expect({
          status: p.status,
          selfTotal: p.selfTotal,
          finalTotal: p.finalTotal,
          penaltyApplied: p.penaltyApplied,
          finalAfterPenalty: p.finalAfterPenalty,
          applicableMax: p.applicableMax,
          band: p.band,
          bandByScore: p.bandByScore,
        }).toEqual({
          status: r.status,
          selfTotal: r.selfTotal,
          finalTotal: r.finalTotal,
          penaltyApplied: r.penaltyApplied,
          finalAfterPenalty: r.finalAfterPenalty,
          applicableMax: r.applicableMax,
          band: r.band,
          bandByScore: r.bandByScore,
        });
        expect(p.percent === null ? null : comparePercent(p.percent, r.percent!)).toBe(r.percent === null ? null : 0);
        expect(
          p.indicators.map((i) => [i.code, i.final, i.applicableMax, i.notApplicable, displayPercent(i.percent)]),
        ).toEqual(
          r.indicators.map((i) => [i.code, i.final, i.applicableMax, i.notApplicable, displayPercent(i.percent)]),
        );
        expect(p.unappraisedCodes).toEqual(r.unappraisedCodes);
        // Lower nodes (analysis only) come from the stored items and equal the engine's.
        expect(p.nodes).toEqual(r.nodes);
      }),
      { numRuns: 200 },
    );
  });
});

const payload = (results: StoredSnapshotPayload['results'], format?: number): StoredSnapshotPayload => ({
  ...(format ? { format } : {}),
  campaign: { id: 'c', name: 'Kỳ', year: 2025, kind: 'annual', owner: { id: 'o', code: 'O', name: 'Tỉnh' } },
  rules: { bands: DEFAULT_BANDS } as never,
  groups: [],
  results,
  approvals: [],
  publishedAt: '2025-12-01T00:00:00.000Z',
  version: 1,
  reason: null,
});

describe('snapshot payload format', () => {
  const items: ItemRow[] = leafCodes.map((code) => ({
    code,
    self: 5,
    final: 5,
    notApplicable: false,
    replacementCode: null,
  }));
  const timings: TimingInput[] = [
    { kind: 'on_time', penaltyPoints: 0, lowestBand: false },
    { kind: 'not_submitted', penaltyPoints: 0, lowestBand: true },
    { kind: 'late_beyond_tolerance', penaltyPoints: 0, lowestBand: false, refused: true },
  ];

  it('upgrades format 1 by reading: status from the stored fields, absent main indicators stay absent', () => {
    for (const timing of timings) {
      const r = computeUnitResult({ definition, itemScores: itemScoresFromRows(items), timing, rules });
      const { status: _status, mainIndicators: _main, ...v1 } = rowOf(r, items, 1);
      const up = upgradeSnapshotPayload(payload([v1]));
      expect(up.format).toBe(SNAPSHOT_FORMAT);
      expect(up.results[0]!.status).toBe(r.status);
      expect(up.results[0]!.mainIndicators).toEqual([]);
      expect(up.results[0]!.finalAfterPenalty).toBe(r.finalAfterPenalty);
    }
  });

  it('leaves a current payload as stored and keeps fields it does not know', () => {
    const r = computeUnitResult({ definition, itemScores: itemScoresFromRows(items), timing: timings[0]!, rules });
    const stored = {
      ...payload([{ ...rowOf(r, items, 1), sharedBy: 1 } as ResultRow], SNAPSHOT_FORMAT),
      extra: 'giữ nguyên',
    };
    const read = readSnapshotPayload(JSON.stringify(stored));
    expect(read).toEqual(stored);
  });

  it('refuses what is not a snapshot payload', () => {
    expect(() => readSnapshotPayload({ campaign: {}, results: 'x' })).toThrow();
  });
});
