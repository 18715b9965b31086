// A merged unit's comparison with a year before its formation, from its predecessors (issue 15 §2): the
// plain average of their percents by default (the national DTI 2024's method), named; weighted when a
// province decides so; chains of mergers; predecessors without data listed and left out, never as 0.
import { describe, expect, it } from 'vitest';
import { derivePercentFromPredecessors, predecessorMethodLabel } from '../../../src/core/results/lineage-average.ts';
import type { UnitResult } from '../../../src/core/results/types.ts';

type Prev = Pick<UnitResult, 'percent' | 'notRankableReason' | 'finalAfterPenalty' | 'applicableMax'>;
/** A previous-year result: points / max in hundredths of a point (exact percent), or not rankable. */
const r = (points: number, max = 1000): Prev => ({
  percent: { numerator: Math.round(points * 100), denominator: max * 100 },
  finalAfterPenalty: points,
  applicableMax: max,
});
const notRankable: Prev = {
  percent: null,
  notRankableReason: 'no_applicable_max',
  finalAfterPenalty: 0,
  applicableMax: 0,
};
const links = (pairs: [string, string[]][]) =>
  pairs.flatMap(([unitId, preds]) => preds.map((predecessorId) => ({ unitId, predecessorId })));

describe('derived percent of a merged unit from its predecessors', () => {
  it("is the plain average of the predecessors' percents with equal weights, the method named, the predecessors listed", () => {
    const d = derivePercentFromPredecessors(
      'NEW',
      links([['NEW', ['B', 'A', 'C']]]),
      new Map([
        ['A', r(800)],
        ['B', r(600)],
        ['C', r(710)],
      ]),
    );
    expect(d).toMatchObject({ method: 'equal', percent: 70.33, counted: 3, total: 3 });
    expect(d!.methodLabel).toContain('trọng số bằng nhau');
    expect(d!.predecessors).toEqual([
      { unitId: 'A', percent: 80, source: 'result' },
      { unitId: 'B', percent: 60, source: 'result' },
      { unitId: 'C', percent: 71, source: 'result' },
    ]);
  });

  it('gives each predecessor one weight whatever its size (not total points over total max)', () => {
    const d = derivePercentFromPredecessors(
      'NEW',
      links([['NEW', ['A', 'B']]]),
      new Map([
        ['A', r(800, 1000)],
        ['B', r(300, 500)],
      ]),
    );
    expect(d!.percent).toBe(70);
  });

  it('rounds the average half-up to 2 decimals, from the exact percents', () => {
    const avg = (a: number, b: number) =>
      derivePercentFromPredecessors(
        'N',
        links([['N', ['A', 'B']]]),
        new Map([
          ['A', r(a)],
          ['B', r(b)],
        ]),
      )!.percent;
    expect(avg(701.2, 701.3)).toBe(70.13); // 70.125 → 70.13
    expect(avg(701.25, 701.24)).toBe(70.12); // 70.1245 → 70.12
    expect(avg(701.25, 701.26)).toBe(70.13); // 70.1255 → 70.13
  });

  it('lists a predecessor without data as missing and averages the others; none with data → no value, never 0', () => {
    const some = derivePercentFromPredecessors(
      'N',
      links([['N', ['A', 'B', 'C']]]),
      new Map([
        ['A', r(800)],
        ['C', notRankable],
      ]),
    );
    expect(some).toMatchObject({ percent: 80, counted: 1, total: 3 });
    expect(some!.predecessors.map((p) => [p.unitId, p.source])).toEqual([
      ['A', 'result'],
      ['B', 'missing'],
      ['C', 'missing'],
    ]);
    const none = derivePercentFromPredecessors('N', links([['N', ['B', 'C']]]), new Map([['C', notRankable]]));
    expect(none).toMatchObject({ percent: null, counted: 0, total: 2 });
  });

  it('derives nothing for a unit with its own result that year, or without predecessors', () => {
    expect(
      derivePercentFromPredecessors(
        'A',
        links([['A', ['B']]]),
        new Map([
          ['A', r(500)],
          ['B', r(900)],
        ]),
      ),
    ).toBeNull();
    expect(derivePercentFromPredecessors('X', links([['A', ['B']]]), new Map([['B', r(900)]]))).toBeNull();
  });

  it('follows chains of mergers, each direct predecessor keeping its weight', () => {
    // A + B → C (1/1/2025), C + D → E (1/7/2025); results of 2024 for A, B, D only.
    const d = derivePercentFromPredecessors(
      'E',
      links([
        ['C', ['A', 'B']],
        ['E', ['C', 'D']],
      ]),
      new Map([
        ['A', r(800)],
        ['B', r(600)],
        ['D', r(500)],
      ]),
    );
    expect(d!.percent).toBe(60); // (mean(80, 60) + 50) / 2, not (80 + 60 + 50) / 3
    expect(d!.predecessors).toEqual([
      {
        unitId: 'C',
        percent: 70,
        source: 'derived',
        predecessors: [
          { unitId: 'A', percent: 80, source: 'result' },
          { unitId: 'B', percent: 60, source: 'result' },
        ],
      },
      { unitId: 'D', percent: 50, source: 'result' },
    ]);
  });

  it('stops on a cycle in the lineage instead of looping', () => {
    const d = derivePercentFromPredecessors(
      'N',
      links([
        ['N', ['A']],
        ['A', ['B']],
        ['B', ['A']],
      ]),
      new Map(),
    );
    expect(d).toMatchObject({ percent: null, counted: 0, total: 1 });
  });

  it("weights by the predecessors' applicable maxima when a province decides so (total points over total max)", () => {
    const d = derivePercentFromPredecessors(
      'N',
      links([['N', ['A', 'B']]]),
      new Map([
        ['A', r(800, 1000)],
        ['B', r(300, 500)],
      ]),
      { kind: 'weighted', by: 'max' },
    );
    expect(d).toMatchObject({ method: 'weighted_max', percent: 73.33 });
    expect(d!.methodLabel).toBe(predecessorMethodLabel({ kind: 'weighted', by: 'max' }));
  });

  it('weights by population when given, summing it along a chain; a predecessor without a figure is left out', () => {
    const weights = new Map([
      ['A', 3000],
      ['B', 1000],
      ['D', 4000],
    ]);
    const flat = derivePercentFromPredecessors(
      'N',
      links([['N', ['A', 'B']]]),
      new Map([
        ['A', r(800)],
        ['B', r(600)],
      ]),
      { kind: 'weighted', by: 'population', weights },
    );
    expect(flat).toMatchObject({ method: 'weighted_population', percent: 75 });
    const chain = derivePercentFromPredecessors(
      'E',
      links([
        ['C', ['A', 'B']],
        ['E', ['C', 'D']],
      ]),
      new Map([
        ['A', r(800)],
        ['B', r(600)],
        ['D', r(500)],
      ]),
      { kind: 'weighted', by: 'population', weights },
    );
    expect(chain!.percent).toBe(62.5); // C = 75 with 4,000 people, D = 50 with 4,000
    const unknown = derivePercentFromPredecessors(
      'N',
      links([['N', ['A', 'X']]]),
      new Map([
        ['A', r(800)],
        ['X', r(100)],
      ]),
      { kind: 'weighted', by: 'population', weights },
    );
    expect(unknown!.percent).toBe(80);
  });
});
