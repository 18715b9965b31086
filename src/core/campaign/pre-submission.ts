// "Kiểm tra trước khi nộp" (issue 13 §6): what submitting now would meet, listed in full for the reporter
// and the leader — even when only the leader may submit. Item problems are submissionProblems (000 Điều
// 8.4.a); submission-level notices say whether the campaign takes submissions, when the unit already
// submitted, who may send it, and what the server's clock makes of the timing (002 Điều 8.3–8.4).
import type { FrameworkDefinition } from '../framework/types.ts';
import { type SubmissionProblem, submissionProblems } from './submission-check.ts';
import { judgeSubmissionOf } from './ranking-applies.ts';
import { describeTiming } from './submission-timing.ts';
import type { CampaignRules, CampaignStatus, ItemEntry } from './types.ts';

export type SubmissionNoticeCode =
  | 'CAMPAIGN_NOT_OPEN'
  | 'ALREADY_SUBMITTED'
  | 'LEADER_SUBMITS'
  | 'LATE'
  | 'WOULD_BE_REFUSED';

export interface SubmissionNotice {
  code: SubmissionNoticeCode;
  /** 'blocking': submitting now is refused; 'info': it goes through, with this consequence. */
  level: 'blocking' | 'info';
  message: string;
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
  if (i.campaignStatus !== 'open')
    notices.push({
      code: 'CAMPAIGN_NOT_OPEN',
      level: 'blocking',
      message: 'Kỳ đánh giá không còn nhận bản tự đánh giá.',
    });
  if (i.submitted && i.reopened === 0)
    notices.push({ code: 'ALREADY_SUBMITTED', level: 'blocking', message: 'Bản tự đánh giá đã được gửi.' });
  if (!i.callerMaySubmit)
    notices.push({
      code: 'LEADER_SUBMITS',
      level: 'info',
      message: i.rules.reportersMaySubmit
        ? 'Lãnh đạo hoặc cán bộ nhập liệu của đơn vị gửi bản tự đánh giá.'
        : 'Chỉ lãnh đạo đơn vị gửi bản tự đánh giá: hãy báo lãnh đạo khi đã sẵn sàng.',
    });
  if (!i.submitted) {
    const verdict = judgeSubmissionOf(i, i.deadline, i.now);
    if (verdict.kind === 'late_beyond_tolerance' && verdict.refused)
      notices.push({ code: 'WOULD_BE_REFUSED', level: 'blocking', message: `${describeTiming(verdict)}.` });
    else if (verdict.kind !== 'on_time')
      notices.push({
        code: 'LATE',
        level: 'info',
        message: `Nếu gửi hôm nay: ${describeTiming(verdict).toLowerCase()}.`,
      });
  }
  const problems = submissionProblems(i.definition, i.entries);
  return { ready: problems.length === 0 && !notices.some((n) => n.level === 'blocking'), problems, notices };
}
