// Issue 15 §4: a result is shown as points, a percent, or an index from 0 to 1 (as the national DTI
// publishes). The index is the exact percent ÷ 100, so 81,25 % is 0,8125 — never rounded further.
import { describe, expect, it } from 'vitest';
import { describeScaleVi, formatScaledVi, scaleLabelVi, scaledValue } from '../../../src/core/results/scale.ts';

const r = { finalTotal: 812.5, applicableMax: 1000, percent: 81.25 };

describe('the scale of a result', () => {
  it('points, percent and index of one result', () => {
    expect(scaledValue('points', r)).toBe(812.5);
    expect(scaledValue('percent', r)).toBe(81.25);
    expect(scaledValue('index', r)).toBe(0.8125);
    expect(scaledValue('index', { ...r, percent: 100 })).toBe(1);
    expect(scaledValue('index', { ...r, percent: 0.01 })).toBe(0.0001);
  });

  it('nothing applicable → no percent, no index (never 0); the points stay', () => {
    const none = { finalTotal: 0, applicableMax: 0, percent: null };
    expect(scaledValue('index', none)).toBeNull();
    expect(scaledValue('percent', none)).toBeNull();
    expect(scaledValue('points', none)).toBe(0);
    expect(formatScaledVi('index', null)).toBe('—');
  });

  it('written the Vietnamese way, with its label and one sentence for the methodology', () => {
    expect(formatScaledVi('points', 812.5)).toBe('812,5');
    expect(formatScaledVi('percent', 81.25)).toBe('81,25%');
    expect(formatScaledVi('index', 0.8125)).toBe('0,8125');
    expect(scaleLabelVi('index')).toBe('Chỉ số (0–1)');
    expect(describeScaleVi('index')).toContain('không làm thay đổi xếp loại và xếp hạng');
  });
});
