// Which items offer the unit "Không áp dụng": the index set says so, never the wording of the guidance.
import { describe, expect, it } from 'vitest';
import { type FrameworkNode, frameworkNodeSchema, offersNotApplicable } from '../../../src/core/framework/index.ts';

const leaf = (over: Partial<FrameworkNode> = {}): FrameworkNode => ({
  code: '8.5',
  title: 'Tỷ lệ trường học có kết nối Internet',
  maxPoints: 15,
  method: { kind: 'manual' },
  ...over,
});

describe('offering "Không áp dụng" to the unit', () => {
  it('an item the decision marks as possibly not applicable offers it', () => {
    expect(offersNotApplicable(leaf({ notApplicableAllowed: true }))).toBe(true);
  });

  it('a ratio or steps method whose zero denominator means not applicable offers it (b = 0)', () => {
    expect(
      offersNotApplicable(
        leaf({
          method: { kind: 'ratio', numerator: 'a', denominator: 'b', zeroDenominator: 'not_applicable' } as never,
        }),
      ),
    ).toBe(true);
    expect(
      offersNotApplicable(
        leaf({ method: { kind: 'ratio', numerator: 'a', denominator: 'b', zeroDenominator: 'zero' } as never }),
      ),
    ).toBe(false);
  });

  it('guidance that merely mentions "không áp dụng" does not: the set must say it in its own field', () => {
    expect(offersNotApplicable(leaf({ guidance: 'Xã không có trường học: không áp dụng.' }))).toBe(false);
    expect(offersNotApplicable(leaf())).toBe(false);
  });

  it('the field is part of the index-set schema (a misspelt key is refused, not ignored)', () => {
    expect(frameworkNodeSchema.safeParse(leaf({ notApplicableAllowed: true })).success).toBe(true);
    expect(frameworkNodeSchema.safeParse({ ...leaf(), notApplicableAllowd: true }).success).toBe(false);
  });
});
