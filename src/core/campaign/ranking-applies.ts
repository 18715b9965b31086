// Which campaigns are ranked (issue 13 §1). The annual assessment is scored, classified into bands and
// ranked within each group (000 Điều 9.1–9.2), late or missing submissions cost points or the lowest band
// (002 Điều 8.3–8.4; 000 Điều 9.2.e). A progress round — the 3/6/9-month "Báo cáo chuyển đổi số định kỳ"
// (000 Điều 7.2) — is "chỉ đánh giá mức độ thực hiện, không đánh giá xếp loại" (003 Điều 2.1.c): it
// reports completion and figures, compared with the previous round and the annual result, and is never
// ranked, never classified, never penalised for lateness, and if made public it is a progress report.
// Every reader of results (engine, API, dashboards, exports, portal, web) asks this one function.
import { type TimingVerdict, judgeSubmission } from './submission-timing.ts';
import type { CampaignKind, CampaignRules, IsoDate } from './types.ts';

export interface Classification {
  /** A rank within the group (000 Điều 9.1). */
  ranked: boolean;
  /** A band (xếp loại) per unit and the band distribution of the group (000 Điều 9.2). */
  classified: boolean;
  /** Lateness costs points, the lowest band or a refusal; non-submission the lowest band (002 Điều 8.3–8.4). */
  latePenalised: boolean;
  /** What a publication of its results is: a ranking, or a progress report ("Báo cáo tiến độ"). */
  publishedAs: 'ranking' | 'progress_report';
}

const ANNUAL: Classification = Object.freeze({
  ranked: true,
  classified: true,
  latePenalised: true,
  publishedAs: 'ranking',
});
const PROGRESS: Classification = Object.freeze({
  ranked: false,
  classified: false,
  latePenalised: false,
  publishedAs: 'progress_report',
});

/**
 * The one rule. A kind read from storage or an old snapshot is a string: anything but 'progress' is an
 * assessment campaign (the only other kind), so a ranking is never lost to an unexpected value.
 */
export function classificationOf(kind: CampaignKind | string): Classification {
  return kind === 'progress' ? PROGRESS : ANNUAL;
}

/** The methodology sentence of a progress report, in place of the ranking rule (000 Điều 7.2; 003 Điều 2.1.c). */
export const PROGRESS_REPORT_RULE_VI =
  'Báo cáo tiến độ định kỳ: chỉ đánh giá mức độ thực hiện (số chỉ tiêu đã báo cáo, điểm tự chấm so với kỳ trước và kết quả năm), không xếp loại, không xếp hạng, không trừ điểm nộp muộn.';

/** Shorthand: whether results of this kind carry ranks, bands and a band distribution. */
export function isRankedKind(kind: CampaignKind | string): boolean {
  return classificationOf(kind).ranked;
}

/** What a timing verdict or a result's timing input looks like: its consequence fields. */
interface TimingConsequence {
  kind: string;
  penaltyPoints: number;
  lowestBand: boolean;
  refused?: boolean;
}

/**
 * A timing under the campaign's kind: unchanged for an annual campaign; for a progress round lateness
 * stays a fact (late, n days; not submitted) with no consequence — no points off, no lowest band, no
 * refusal, and no "beyond the tolerance" (a tolerance only bounds a penalty).
 */
export function timingUnderKind<T extends TimingConsequence>(kind: CampaignKind | string, t: T): T {
  if (classificationOf(kind).latePenalised) return t;
  const out = { ...t, kind: t.kind === 'late_beyond_tolerance' ? 'late' : t.kind, penaltyPoints: 0, lowestBand: false };
  if ('refused' in out) out.refused = false;
  return out;
}

/**
 * judgeSubmission under the campaign's kind: the verdict every submission path (the unit's own, a paper
 * submission recorded by the DX office, the pre-submission check, the assessment page) stores or shows.
 */
export function judgeSubmissionOf(
  campaign: { kind: CampaignKind | string; rules: Pick<CampaignRules, 'lateSubmission' | 'nonSubmission'> },
  deadline: IsoDate,
  submittedAt: Date | null,
): TimingVerdict {
  return timingUnderKind(campaign.kind, judgeSubmission(campaign.rules, deadline, submittedAt));
}
