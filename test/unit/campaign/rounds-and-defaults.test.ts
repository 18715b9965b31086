import { describe, expect, it } from 'vitest';
import { campaignDefaultsFromPreset, progressRounds } from '../../../src/core/campaign/index.ts';

describe('progress reports, 000 Điều 7.2: 3, 6 and 9 months, before the 15th of the quarter’s last month', () => {
  it('are due on 14/3, 14/6 and 14/9', () => {
    expect(progressRounds(2026).map((r) => [r.months, r.deadline])).toEqual([
      [3, '2026-03-14'],
      [6, '2026-06-14'],
      [9, '2026-09-14'],
    ]);
  });
  it('ignore impossible months', () => {
    expect(progressRounds(2026, [0, 3, 13]).map((r) => r.months)).toEqual([3]);
  });
});

describe('campaign defaults from a decision preset', () => {
  it('Hà Tĩnh 2878: data 01/11 of the previous year to 01/11, input by 25/11, bands 90/70/50', () => {
    const d = campaignDefaultsFromPreset(
      {
        bands: [
          { code: 'tot', label: 'Tốt', minPercent: 90 },
          { code: 'kha', label: 'Khá', minPercent: 70 },
          { code: 'trung_binh', label: 'Trung bình', minPercent: 50 },
          { code: 'yeu', label: 'Yếu', minPercent: 0 },
        ],
        reportingPeriod: { from: '11-01', to: '11-01' },
        selfAssessmentDeadline: '11-25',
        lateSubmission: { toleranceDays: 0, penaltyPoints: 0, beyondTolerance: 'lowest_band' },
        nonSubmission: 'lowest_band',
        notApplicable: 'reduce_max',
        appraiser: 'parent_unit',
      },
      2026,
    );
    expect(d.reportingPeriod).toEqual({ from: '2025-11-01', to: '2026-11-01' });
    expect(d.selfAssessmentDeadline).toBe('2026-11-25');
    expect(d.rules.bands.map((b) => b.minPercent)).toEqual([90, 70, 50, 0]);
    expect(d.appraiser).toBe('parent_unit');
  });

  it('a preset without bands gets the usual 90/70/50 bands, still editable', () => {
    const d = campaignDefaultsFromPreset(
      { bands: [], nonSubmission: 'zero', notApplicable: 'reduce_max', appraiser: 'council' },
      2026,
    );
    expect(d.rules.bands.map((b) => b.label)).toEqual(['Tốt', 'Khá', 'Trung bình', 'Yếu']);
    expect(d.rules.nonSubmission).toBe('zero');
  });
});
