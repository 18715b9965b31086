// Issue 13 §6: "a self score of 150 on a 100-point item is silently stored as 100 (and a negative one as
// 0)". A score lies in 0…the item's max (self, proposed and final alike — 001 II.3.b: the council
// "công nhận hoặc điều chỉnh điểm tự chấm" within the item's points); a figure is 0 or more. Out of range
// is a problem naming the item and its range, never a value moved to the nearest bound.
import { describe, expect, it } from 'vitest';
import { figureRangeProblems, scoreRangeProblem } from '../../../src/core/framework/index.ts';

const item = { code: '2.3', title: 'Tỷ lệ hồ sơ trực tuyến', maxPoints: 100 };

describe('a score lies in 0…the item max', () => {
  it('both bounds are allowed: 0 and exactly the max', () => {
    expect(scoreRangeProblem(item, 'selfScore', 0)).toBeNull();
    expect(scoreRangeProblem(item, 'selfScore', 100)).toBeNull();
    expect(scoreRangeProblem(item, 'finalScore', 99.99)).toBeNull();
  });

  it('150 on a 100-point item is refused, naming the item and its range (not stored as 100)', () => {
    expect(scoreRangeProblem(item, 'selfScore', 150)).toMatchObject({
      item: '2.3',
      field: 'selfScore',
      value: 150,
      min: 0,
      max: 100,
      message: 'Chỉ số 2.3: điểm tự chấm 150 nằm ngoài khoảng cho phép từ 0 đến 100 điểm.',
    });
  });

  it('a negative score is refused (not stored as 0); just above the max is refused too', () => {
    expect(scoreRangeProblem(item, 'selfScore', -1)?.max).toBe(100);
    expect(scoreRangeProblem(item, 'selfScore', -0.01)).not.toBeNull();
    expect(scoreRangeProblem(item, 'selfScore', 100.01)).not.toBeNull();
  });

  it("the same range holds for the support team's proposed score and the council's final score", () => {
    expect(scoreRangeProblem(item, 'proposedScore', 101)?.message).toBe(
      'Chỉ số 2.3: điểm đề xuất 101 nằm ngoài khoảng cho phép từ 0 đến 100 điểm.',
    );
    expect(scoreRangeProblem(item, 'finalScore', -5)?.message).toBe(
      'Chỉ số 2.3: điểm thẩm định -5 nằm ngoài khoảng cho phép từ 0 đến 100 điểm.',
    );
  });

  it('a value that is not a finite number is out of range', () => {
    expect(scoreRangeProblem(item, 'selfScore', Number.NaN)).not.toBeNull();
    expect(scoreRangeProblem(item, 'selfScore', Number.POSITIVE_INFINITY)).not.toBeNull();
  });
});

describe('a figure is 0 or more', () => {
  it('a negative count is refused with its label; 0 and positive figures pass', () => {
    const problems = figureRangeProblems(item, { a: -3, b: 10 }, { a: 'Số hồ sơ trực tuyến', b: 'Tổng số hồ sơ' });
    expect(problems).toEqual([
      expect.objectContaining({
        item: '2.3',
        input: 'a',
        value: -3,
        min: 0,
        max: null,
        message: 'Chỉ số 2.3: số liệu "Số hồ sơ trực tuyến" = -3 nằm ngoài khoảng cho phép (từ 0 trở lên).',
      }),
    ]);
    expect(figureRangeProblems(item, { a: 0, b: 10 })).toEqual([]);
  });

  it('a negative typed as text from a spreadsheet ("-2,5") is a negative figure too', () => {
    expect(figureRangeProblems(item, { value: '-2,5' })[0]?.value).toBe(-2.5);
  });

  it('yes/no, choices and the typed score are not figures', () => {
    expect(figureRangeProblems(item, { yes: true, choice: 'a', score: -1, notApplicable: true })).toEqual([]);
  });
});
