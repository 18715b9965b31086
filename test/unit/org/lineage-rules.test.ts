// Recording a merger, split or rename (issue 15 §2): no cycles, no duplicates, the effective date after the
// predecessor's start and within the successor's life, and predecessors ended on the day before.
import { describe, expect, it } from 'vitest';
import {
  dayBefore,
  lineageProblems,
  lineageRowsOf,
  predecessorsToEnd,
  type LineageChange,
  type OrgUnitLike,
} from '../../../src/core/org/lineage-rules.ts';

const u = (code: string, activeFrom: string | null = null, activeTo: string | null = null): OrgUnitLike => ({
  code,
  activeFrom,
  activeTo,
});
const UNITS = new Map<string, OrgUnitLike>([
  ['a', u('A')],
  ['b', u('B')],
  ['c', u('C', '2025-07-01')],
  ['d', u('D', '2020-01-01', '2025-06-30')],
  ['late', u('LATE', '2026-01-01')],
]);
const merger = (predecessorIds: string[], successor: string, effectiveDate = '2025-07-01'): LineageChange => ({
  kind: 'merger',
  predecessorIds,
  successorIds: [successor],
  effectiveDate,
});
const codes = (change: LineageChange, existing: { unitId: string; predecessorId: string }[] = []) =>
  lineageProblems(change, existing, UNITS).map((p) => p.code);

describe('lineage changes', () => {
  it('accepts a merger of two units into a new one formed on the effective date', () => {
    expect(codes(merger(['a', 'b'], 'c'))).toEqual([]);
    expect(lineageRowsOf(merger(['a', 'b'], 'c'))).toEqual([
      { unitId: 'c', predecessorId: 'a', effectiveDate: '2025-07-01' },
      { unitId: 'c', predecessorId: 'b', effectiveDate: '2025-07-01' },
    ]);
  });

  it('refuses a unit as its own predecessor and a cycle through earlier lineage', () => {
    expect(codes(merger(['a'], 'a'))).toContain('LINEAGE_SELF');
    // c was formed from a; recording a as formed from c would make a its own ancestor.
    expect(codes(merger(['c'], 'a', '2026-01-01'), [{ unitId: 'c', predecessorId: 'a' }])).toEqual(['LINEAGE_CYCLE']);
    // …also through a chain: c ← b ← a, then a ← c.
    const chain = [
      { unitId: 'b', predecessorId: 'a' },
      { unitId: 'c', predecessorId: 'b' },
    ];
    const problems = lineageProblems(merger(['c'], 'a', '2026-01-01'), chain, UNITS);
    expect(problems).toEqual([{ code: 'LINEAGE_CYCLE', params: { unit: 'A', predecessor: 'C' } }]);
  });

  it('refuses a row already recorded and the same unit twice in one change', () => {
    expect(codes(merger(['a'], 'c'), [{ unitId: 'c', predecessorId: 'a' }])).toEqual(['LINEAGE_DUPLICATE']);
    expect(codes(merger(['a', 'a'], 'c'))).toEqual(['LINEAGE_SHAPE']);
  });

  it('refuses an effective date on or before the predecessor’s own start', () => {
    const p = lineageProblems(merger(['c'], 'a', '2025-07-01'), [], UNITS);
    expect(p).toEqual([
      {
        code: 'LINEAGE_BEFORE_PREDECESSOR_START',
        params: { predecessor: 'C', activeFrom: '2025-07-01', effectiveDate: '2025-07-01' },
      },
    ]);
    expect(codes(merger(['c'], 'a', '2025-07-02'))).toEqual([]);
  });

  it('refuses a successor that does not exist on the effective date (starts later or has ended)', () => {
    expect(codes(merger(['a'], 'late', '2025-07-01'))).toEqual(['LINEAGE_SUCCESSOR_NOT_ACTIVE']);
    expect(codes(merger(['a'], 'd', '2025-07-01'))).toEqual(['LINEAGE_SUCCESSOR_NOT_ACTIVE']);
    expect(codes(merger(['a'], 'd', '2025-06-30'))).toEqual([]);
  });

  it('takes the shape of each kind: rename 1 → 1, merger ≥ 1 → 1, split 1 → ≥ 2', () => {
    const base = { effectiveDate: '2025-07-01' };
    expect(codes({ ...base, kind: 'rename', predecessorIds: ['a'], successorIds: ['c'] })).toEqual([]);
    expect(codes({ ...base, kind: 'rename', predecessorIds: ['a', 'b'], successorIds: ['c'] })).toEqual([
      'LINEAGE_SHAPE',
    ]);
    expect(codes({ ...base, kind: 'split', predecessorIds: ['a'], successorIds: ['c'] })).toEqual(['LINEAGE_SHAPE']);
    expect(codes({ ...base, kind: 'split', predecessorIds: ['a'], successorIds: ['b', 'c'] })).toEqual([]);
    expect(codes({ ...base, kind: 'merger', predecessorIds: [], successorIds: ['c'] })).toEqual(['LINEAGE_SHAPE']);
  });

  it('ends the predecessors still active on the effective date on the day before; the absorbing unit stays', () => {
    // Merger of a and b into b: b is the successor and stays active; a ends on 30/06/2025; d already ended.
    expect(predecessorsToEnd(merger(['a', 'b', 'd'], 'b'), UNITS)).toEqual([{ id: 'a', activeTo: '2025-06-30' }]);
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });
});

describe('legal basis', () => {
  it('refuses a legal basis dated after the effective date', () => {
    expect(codes({ ...merger(['a', 'b'], 'c'), legalBasisDate: '2025-07-02' })).toEqual(['LINEAGE_BASIS_AFTER_EFFECT']);
    expect(codes({ ...merger(['a', 'b'], 'c'), legalBasisDate: '2025-06-16' })).toEqual([]);
  });
});
