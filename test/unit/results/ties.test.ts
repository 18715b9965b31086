// Ties are shown as ties: two units on the same points share the rank and both read "đồng hạng".
import { describe, expect, it } from 'vitest';
import { rankTextVi, sharedRanks } from '../../../src/core/results/index.ts';

describe('ties are shown as ties', () => {
  it('a rank held by two units is shared; the next rank skips (1, 2, 2, 4)', () => {
    const shared = sharedRanks([1, 2, 2, 4, null]);
    expect([...shared]).toEqual([2]);
    expect([1, 2, 2, 4].map((r) => rankTextVi(r, shared))).toEqual(['1', '2 (đồng hạng)', '2 (đồng hạng)', '4']);
  });

  it('units without a rank are neither ranked nor tied', () => {
    expect(sharedRanks([null, null]).size).toBe(0);
    expect(rankTextVi(null, new Set())).toBe('—');
  });
});
