import { describe, expect, it } from 'vitest';
import {
  validateFramework,
  isValidCode,
  type FrameworkNode,
  type ScoringMethod,
} from '../../../src/core/framework/index.ts';
import { framework, group, leaf, meetings } from './fixtures.ts';

const codes = (ps: { code: string }[]) => ps.map((p) => p.code);
const yn = (code: string, max: number) => leaf(code, max, { kind: 'yesno' });
const only = (method: ScoringMethod, max = 20) => validateFramework(framework([leaf('1', max, method)]));

describe('structure', () => {
  it('a clean set has no errors and no warnings', () => {
    const r = validateFramework(
      framework([group('1', 25, [leaf('1.1', 20, meetings), leaf('1.2', 5, { kind: 'yesno' })])], {
        declared: { totalPoints: 25, mainIndicators: 1, subIndicators: 2 },
      }),
    );
    expect(r).toEqual({ errors: [], warnings: [] });
  });
  it("children's max summing to more or less than the parent's max is CHILDREN_SUM_MISMATCH on the parent", () => {
    const r = validateFramework(
      framework([group('1', 10, [leaf('1.1', 6), leaf('1.2', 6)]), group('2', 10, [leaf('2.1', 3)])]),
    );
    expect(r.errors.filter((e) => e.code === 'CHILDREN_SUM_MISMATCH').map((e) => [e.nodeCode, e.message])).toEqual([
      ['1', 'Tiêu chí 1: tổng điểm tối đa các tiêu chí con (12) lớn hơn điểm tối đa (10).'],
      ['2', 'Tiêu chí 2: tổng điểm tối đa các tiêu chí con (3) nhỏ hơn điểm tối đa (10).'],
    ]);
  });
  it('sums of decimal maxima are compared exactly (0.1 + 0.2 = 0.3)', () => {
    expect(validateFramework(framework([group('1', 0.3, [leaf('1.1', 0.1), leaf('1.2', 0.2)])])).errors).toEqual([]);
  });
  it('duplicate codes are errors', () => {
    expect(codes(validateFramework(framework([leaf('1', 1), leaf('1', 1)])).errors)).toContain('DUPLICATE_CODE');
  });
  it.each(['1', '1.2', '4.22.11', 'I', 'IV.2', 'A.1', '1a', '2.1.b'])('"%s" is a well-formed code', (c) => {
    expect(isValidCode(c)).toBe(true);
  });
  it.each(['', '1.', '.1', '1..2', '1 2', '1-2', 'Tiêu chí 1', '__proto__'])(
    '"%s" is malformed (CODE_MALFORMED)',
    (c) => {
      expect(codes(validateFramework(framework([leaf(c, 1)])).errors)).toContain('CODE_MALFORMED');
    },
  );
  it('a child not prefixed by its parent code is only a warning', () => {
    const r = validateFramework(framework([group('1', 2, [yn('1.1', 1), yn('2.2', 1)])]));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      {
        code: 'CODE_PREFIX_MISMATCH',
        nodeCode: '2.2',
        params: { parent: '1' },
        message: 'Tiêu chí 2.2: mã không bắt đầu bằng mã của tiêu chí cha 1.',
      },
    ]);
  });
  it('a gap in sibling numbering (1.1, 1.3) is a warning', () => {
    const r = validateFramework(framework([group('1', 2, [yn('1.1', 1), yn('1.3', 1)])]));
    expect(r.warnings.map((w) => [w.code, w.nodeCode])).toEqual([['SIBLING_GAP', '1']]);
    expect(r.warnings[0]?.message).toContain('thiếu số 2');
    expect(r.warnings[0]?.params).toEqual({ from: 2, to: 2, previous: 1, next: 3 });
  });
  it('a root total different from the declared total is an error', () => {
    const r = validateFramework(framework([leaf('1', 10)], { declared: { totalPoints: 100 } }));
    expect(r.errors.map((e) => e.code)).toEqual(['TOTAL_MISMATCH']);
  });
  it('main/sub-indicator counts different from the declared ones are warnings, so a structure-only preset can be published', () => {
    const r = validateFramework(
      framework([group('1', 1, [yn('1.1', 1)])], { declared: { mainIndicators: 9, subIndicators: 1 } }),
    );
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(['MAIN_COUNT_MISMATCH']);
  });
  it('a leaf without a method is a warning (scored manually); a group with a method is an error', () => {
    const g: FrameworkNode = { ...group('1', 1, [leaf('1.1', 1)]), method: { kind: 'yesno' } };
    const r = validateFramework(framework([g]));
    expect(codes(r.warnings)).toEqual(['LEAF_WITHOUT_METHOD']);
    expect(codes(r.errors)).toEqual(['GROUP_WITH_METHOD']);
  });
  it('an empty set is an error', () => {
    expect(codes(validateFramework(framework([])).errors)).toEqual(['FRAMEWORK_EMPTY']);
  });
});

describe('method parameters', () => {
  it('choice without options', () => {
    expect(codes(only({ kind: 'choice', options: [] }).errors)).toEqual(['CHOICE_NO_OPTIONS']);
  });
  it('fractions outside 0..1, points above the node max, negative points, both points and fraction', () => {
    const r = only({
      kind: 'choice',
      options: [
        { value: 'a', label: 'A', fraction: 1.5 },
        { value: 'b', label: 'B', points: 25 },
        { value: 'c', label: 'C', points: -1 },
        { value: 'd', label: 'D', points: 1, fraction: 0.5 },
        { value: 'd', label: 'D2', points: Number.NaN },
      ],
    });
    expect(codes(r.errors)).toEqual([
      'FRACTION_OUT_OF_RANGE',
      'POINTS_ABOVE_MAX',
      'POINTS_NEGATIVE',
      'SHARE_AMBIGUOUS',
      'CHOICE_DUPLICATE_VALUE',
      'POINTS_NOT_FINITE',
    ]);
  });
  it('more than 2 decimals in points (1.125) is POINTS_PRECISION', () => {
    const r = only({ kind: 'steps', input: 'number', thresholds: [{ atLeast: 1, points: 1.125 }] });
    expect(r.errors).toEqual([
      {
        code: 'POINTS_PRECISION',
        nodeCode: '1',
        params: { threshold: 1, value: 1.125 },
        message: 'Tiêu chí 1: Ngưỡng thứ 1: số điểm 1.125 có quá 2 chữ số thập phân.',
      },
    ]);
  });
  it('thresholds unsorted or duplicate', () => {
    expect(
      codes(
        only({
          kind: 'steps',
          input: 'number',
          thresholds: [
            { atLeast: 1, points: 5 },
            { atLeast: 4, points: 20 },
          ],
        }).errors,
      ),
    ).toEqual(['THRESHOLDS_UNSORTED']);
    expect(
      codes(
        only({
          kind: 'steps',
          input: 'number',
          thresholds: [
            { atLeast: 4, points: 20 },
            { atLeast: 4, points: 5 },
          ],
        }).errors,
      ),
    ).toEqual(['THRESHOLDS_DUPLICATE']);
  });
  it('manual step ≤ 0', () => {
    expect(codes(only({ kind: 'manual', step: 0 }).errors)).toEqual(['STEP_NOT_POSITIVE']);
    expect(codes(only({ kind: 'manual', step: 0.3 }, 1).warnings)).toEqual(['STEP_MAX_OFF_GRID']);
  });
  it('ratio cap and min', () => {
    expect(codes(only({ kind: 'ratio', zeroDenominator: 'zero', cap: 0, minRatio: 2 }).errors)).toEqual([
      'RATIO_CAP_INVALID',
      'RATIO_MIN_INVALID',
    ]);
  });
  it('formula: unknown names and parse errors with position', () => {
    const f = (expression: string): ScoringMethod => ({
      kind: 'formula',
      expression,
      inputs: [{ name: 'a', label: 'A', type: 'number' }],
    });
    expect(only(f('a / c')).errors).toEqual([
      {
        code: 'FORMULA_UNKNOWN_NAME',
        nodeCode: '1',
        params: { expression: 'a / c', position: 5, name: 'c' },
        message:
          'Tiêu chí 1: công thức "a / c": Lỗi tại vị trí 5: tên không xác định "c" (chưa khai báo trong danh sách biến).',
      },
    ]);
    expect(only(f('min(a,')).errors[0]).toMatchObject({
      code: 'FORMULA_PARSE_ERROR',
      params: { expression: 'min(a,', position: 7 },
      message: expect.stringContaining('Lỗi tại vị trí 7'),
    });
    expect(codes(only(f('info.population * a')).errors)).toEqual(['FORMULA_UNKNOWN_NAME']);
    const withInfo = validateFramework(
      framework([leaf('1', 20, f('info.population * a'))], { infoFields: [{ key: 'population', label: 'Dân số' }] }),
    );
    expect(withInfo.errors).toEqual([]);
  });
  it('formula input names that are keywords or prototype names', () => {
    const m: ScoringMethod = {
      kind: 'formula',
      expression: 'max',
      inputs: [
        { name: 'constructor', label: 'x', type: 'number' },
        { name: 'if', label: 'y', type: 'number' },
      ],
    };
    expect(codes(only(m).errors)).toEqual(['FORMULA_INPUT_NAME_INVALID', 'FORMULA_INPUT_NAME_INVALID']);
  });
});

describe('bands', () => {
  const rules = (bands: { code: string; label: string; minPercent: number }[]) =>
    validateFramework(
      framework([leaf('1', 1, { kind: 'yesno' })], {
        rules: { bands, nonSubmission: 'lowest_band', notApplicable: 'reduce_max', appraiser: 'council' },
      }),
    );
  it('descending bands within 0..100 are fine', () => {
    expect(
      rules([
        { code: 'A', label: 'Tốt', minPercent: 80 },
        { code: 'B', label: 'Khá', minPercent: 50 },
        { code: 'C', label: 'TB', minPercent: 0 },
      ]).errors,
    ).toEqual([]);
  });
  it('ascending or out-of-range bands are errors', () => {
    expect(
      codes(
        rules([
          { code: 'A', label: 'Tốt', minPercent: 50 },
          { code: 'B', label: 'Khá', minPercent: 80 },
          { code: 'C', label: 'X', minPercent: 120 },
        ]).errors,
      ),
    ).toEqual(['BANDS_NOT_DESCENDING', 'BAND_OUT_OF_RANGE']);
  });
});
