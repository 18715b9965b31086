// "Kiểm tra trước khi nộp" (issue 13 §6): what submitting now would meet, listed in full for the reporter
// and the leader — even when only the leader may submit. Item problems are submissionProblems (000 Điều
// 8.4.a); submission-level notices say whether the campaign takes submissions, when the unit already
// submitted, who may send it, and what the server's clock makes of the timing (002 Điều 8.3–8.4).
// Each notice is a code with its parameters (the timing as a TimingNote): the staff app words it (issue 14 §6).
import type { FrameworkDefinition } from '../framework/types.ts';
import { type SubmissionProblem, submissionProblems } from './submission-check.ts';
import { judgeSubmissionOf } from './ranking-applies.ts';
import { type TimingNote, timingNoteOf } from './timing-note.ts';
import type { CampaignRules, CampaignStatus, ItemEntry } from './types.ts';

/** Every notice code the API can send; the web has a translation of each (test/unit/web/i18n-keys.test.ts). */
export const SUBMISSION_NOTICE_CODES = [
  'CAMPAIGN_NOT_OPEN',
  'ALREADY_SUBMITTED',
  'LEADER_SUBMITS',
  'LEADER_OR_REPORTER_SUBMITS',
  'LATE',
  'WOULD_BE_REFUSED',
] as const;

export type SubmissionNoticeCode = (typeof SUBMISSION_NOTICE_CODES)[number];

export interface SubmissionNotice {
  code: SubmissionNoticeCode;
  /** 'blocking': submitting now is refused; 'info': it goes through, with this consequence. */
  level: 'blocking' | 'info';
  /** LATE and WOULD_BE_REFUSED: what sending today would make of the timing. */
  timing?: TimingNote;
}

export interface PreSubmissionInput {
  definition: FrameworkDefinition;
  entries: ReadonlyMap<string, ItemEntry>;
  rules: Pick<CampaignRules, 'lateSubmission' | 'nonSubmission' | 'reportersMaySubmit'>;
  /** annual | progress: a progress round's lateness has no consequence (ranking-applies.ts). */
  kind: string;
  campaignStatus: CampaignStatus;
  deadline: string;
  submitted: boolean;
  /** Items the DX office reopened (a submitted assessment with reopened items is sent again). */
  reopened: number;
  callerMaySubmit: boolean;
  now: Date;
}

export interface PreSubmissionCheck {
  ready: boolean;
  problems: SubmissionProblem[];
  notices: SubmissionNotice[];
}

export function preSubmissionCheck(i: PreSubmissionInput): PreSubmissionCheck {
  const notices: SubmissionNotice[] = [];
  if (i.campaignStatus !== 'open') notices.push({ code: 'CAMPAIGN_NOT_OPEN', level: 'blocking' });
  if (i.submitted && i.reopened === 0) notices.push({ code: 'ALREADY_SUBMITTED', level: 'blocking' });
  if (!i.callerMaySubmit)
    notices.push({ code: i.rules.reportersMaySubmit ? 'LEADER_OR_REPORTER_SUBMITS' : 'LEADER_SUBMITS', level: 'info' });
  if (!i.submitted) {
    const verdict = judgeSubmissionOf(i, i.deadline, i.now);
    if (verdict.kind === 'late_beyond_tolerance' && verdict.refused)
      notices.push({ code: 'WOULD_BE_REFUSED', level: 'blocking', timing: timingNoteOf(verdict) });
    else if (verdict.kind !== 'on_time') notices.push({ code: 'LATE', level: 'info', timing: timingNoteOf(verdict) });
  }
  const problems = submissionProblems(i.definition, i.entries);
  return { ready: problems.length === 0 && !notices.some((n) => n.level === 'blocking'), problems, notices };
}
