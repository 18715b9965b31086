// Issue 13 §1 as the decisions say it. 000 Điều 7.2 and 003 Điều 2.1.c: "Báo cáo chuyển đổi số định kỳ
// (chỉ đánh giá mức độ thực hiện, không đánh giá xếp loại)". 000 Điều 9.1–9.2, 002 Điều 8.3–8.4: the
// annual assessment is ranked, classified, and late or missing submissions cost points or the lowest band.
import { describe, expect, it } from 'vitest';
import {
  type CampaignRules,
  classificationOf,
  isRankedKind,
  judgeSubmission,
  judgeSubmissionOf,
  timingUnderKind,
} from '../../../src/core/campaign/index.ts';
import { compareProgress, completionOf } from '../../../src/core/results/index.ts';

const RULES: Pick<CampaignRules, 'lateSubmission' | 'nonSubmission'> = {
  lateSubmission: { toleranceDays: 5, penaltyPoints: 100, beyondTolerance: 'lowest_band' },
  nonSubmission: 'lowest_band',
};
const REFUSING = { ...RULES, lateSubmission: { ...RULES.lateSubmission, beyondTolerance: 'refuse' as const } };
// Deadline 14/03 (a 3-month round); the server's clock in Vietnam's calendar.
const DEADLINE = '2026-03-14';
const at = (day: string) => new Date(`${day}T03:00:00Z`);

describe('which campaigns are ranked', () => {
  it('the annual assessment is ranked, classified into bands and penalised for lateness (000 Điều 9; 002 Điều 8.3–8.4)', () => {
    expect(classificationOf('annual')).toEqual({
      ranked: true,
      classified: true,
      latePenalised: true,
      publishedAs: 'ranking',
    });
    expect(isRankedKind('annual')).toBe(true);
  });

  it('a progress round "chỉ đánh giá mức độ thực hiện, không đánh giá xếp loại": no rank, no band, no penalty; a progress report (000 Điều 7.2)', () => {
    expect(classificationOf('progress')).toEqual({
      ranked: false,
      classified: false,
      latePenalised: false,
      publishedAs: 'progress_report',
    });
    expect(isRankedKind('progress')).toBe(false);
  });

  it('a kind read from storage that is not "progress" keeps its ranking (an unexpected value never silently drops one)', () => {
    expect(isRankedKind('')).toBe(true);
  });
});

describe('lateness in a progress round is a fact, never a consequence', () => {
  it('on time: the same verdict in both kinds', () => {
    expect(judgeSubmissionOf({ kind: 'progress', rules: RULES }, DEADLINE, at('2026-03-14'))).toEqual(
      judgeSubmission(RULES, DEADLINE, at('2026-03-14')),
    );
  });

  it('3 days late: the annual campaign takes 100 points off; the progress round records 3 days late and nothing else', () => {
    expect(judgeSubmissionOf({ kind: 'annual', rules: RULES }, DEADLINE, at('2026-03-17'))).toMatchObject({
      kind: 'late',
      daysLate: 3,
      penaltyPoints: 100,
    });
    expect(judgeSubmissionOf({ kind: 'progress', rules: RULES }, DEADLINE, at('2026-03-17'))).toMatchObject({
      kind: 'late',
      daysLate: 3,
      penaltyPoints: 0,
      lowestBand: false,
    });
  });

  it('beyond the tolerance (day 6): lowest band or refused in the annual campaign; in a progress round just late, accepted', () => {
    expect(judgeSubmissionOf({ kind: 'annual', rules: RULES }, DEADLINE, at('2026-03-20'))).toMatchObject({
      kind: 'late_beyond_tolerance',
      lowestBand: true,
    });
    expect(judgeSubmissionOf({ kind: 'annual', rules: REFUSING }, DEADLINE, at('2026-03-20'))).toMatchObject({
      refused: true,
    });
    expect(judgeSubmissionOf({ kind: 'progress', rules: REFUSING }, DEADLINE, at('2026-03-20'))).toMatchObject({
      kind: 'late',
      daysLate: 6,
      penaltyPoints: 0,
      lowestBand: false,
      refused: false,
    });
  });

  it('never submitted: the lowest band in the annual campaign (000 Điều 9.2.e); in a progress round "not submitted", no band', () => {
    expect(judgeSubmissionOf({ kind: 'annual', rules: RULES }, DEADLINE, null)).toMatchObject({ lowestBand: true });
    expect(judgeSubmissionOf({ kind: 'progress', rules: RULES }, DEADLINE, null)).toMatchObject({
      kind: 'not_submitted',
      lowestBand: false,
    });
  });

  it('a stored timing with a penalty (a round recorded before the rule) loses it when read under the progress kind', () => {
    const stored = { kind: 'late', penaltyPoints: 100, lowestBand: false };
    expect(timingUnderKind('progress', stored)).toEqual({ kind: 'late', penaltyPoints: 0, lowestBand: false });
    expect(timingUnderKind('annual', stored)).toBe(stored);
  });
});

describe('what a progress round reports instead: completion and comparison', () => {
  it('completion counts applicable items reported on; not-applicable items count in neither figure', () => {
    expect(
      completionOf([
        { self: 10, notApplicable: false },
        { self: null, notApplicable: false },
        { self: 0, notApplicable: false },
        { self: null, notApplicable: true },
      ]),
    ).toEqual({ complete: 2, applicable: 3, percent: 66.67 });
    expect(completionOf([{ self: null, notApplicable: true }])).toEqual({ complete: 0, applicable: 0, percent: null });
  });

  it('compared with the previous round (its reported points) and the annual result (its appraised points when it has them)', () => {
    const cmp = compareProgress(
      62.5,
      { campaignId: 'r3', campaignName: 'Quý I', selfTotal: 55.25, finalTotal: null, applicableMax: 100 },
      { campaignId: 'y', campaignName: 'Năm 2026', selfTotal: 80, finalTotal: 70.1, applicableMax: 100 },
    );
    expect(cmp.previous!.delta).toBe(7.25);
    expect(cmp.annual!.delta).toBe(-7.6);
    expect(compareProgress(10, null, null)).toEqual({ previous: null, annual: null });
  });
});
