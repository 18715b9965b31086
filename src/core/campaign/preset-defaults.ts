// A campaign created from an index-set preset takes the decision's rules as its defaults: bands,
// reporting period (month-day of the previous and the campaign year), self-assessment deadline, late
// and non-submission rules, not-applicable handling and who appraises. Everything stays editable.
import type { AssessmentRulesPreset } from '../framework/types.ts';
import type { CampaignRules, IsoDate } from './types.ts';

export const DEFAULT_BANDS = [
  { code: 'tot', label: 'Tốt', minPercent: 90 },
  { code: 'kha', label: 'Khá', minPercent: 70 },
  { code: 'trung_binh', label: 'Trung bình', minPercent: 50 },
  { code: 'yeu', label: 'Yếu', minPercent: 0 },
];

export interface CampaignDefaults {
  rules: CampaignRules;
  reportingPeriod: { from: IsoDate; to: IsoDate };
  selfAssessmentDeadline: IsoDate;
  appraiser: 'council' | 'parent_unit';
  progressReportMonths: number[];
}

function monthDay(year: number, md: string | undefined, fallback: string): IsoDate {
  const value = md && /^\d{2}-\d{2}$/.test(md) ? md : fallback;
  return `${year}-${value}`;
}

export function campaignDefaultsFromPreset(preset: AssessmentRulesPreset | undefined, year: number): CampaignDefaults {
  const p = preset;
  return {
    rules: {
      bands: p?.bands && p.bands.length > 0 ? p.bands.map((b) => ({ ...b })) : DEFAULT_BANDS.map((b) => ({ ...b })),
      lateSubmission: p?.lateSubmission
        ? { ...p.lateSubmission }
        : { toleranceDays: 0, penaltyPoints: 0, beyondTolerance: 'lowest_band' },
      nonSubmission: p?.nonSubmission ?? 'lowest_band',
      notApplicable: p?.notApplicable ?? 'reduce_max',
      reportersMaySubmit: false,
      reminderDaysBefore: [7, 3, 1],
      rankBy: p?.rankBy ?? 'percent',
      resultScale: p?.resultScale ?? 'points',
      tieBreak: p?.tieBreak ? [...p.tieBreak] : [],
      citations: p?.citations ? [...p.citations] : [],
      notes: p?.notes,
    },
    reportingPeriod: {
      from: monthDay(year - 1, p?.reportingPeriod?.from, '11-15'),
      to: monthDay(year, p?.reportingPeriod?.to, '11-15'),
    },
    selfAssessmentDeadline: monthDay(year, p?.selfAssessmentDeadline, '11-25'),
    appraiser: p?.appraiser ?? 'council',
    progressReportMonths: p?.progressReportMonths ? [...p.progressReportMonths] : [3, 6, 9],
  };
}
