// Words for what the server sends as codes with parameters (issue 14 §6): a submission's timing, the
// pre-submission notices and item problems, the council's reasons and decision problems. The server never
// builds these sentences for the staff app.
import type { SubmissionNoticeCode } from '../../core/campaign/index.ts';
import { type DecisionProblem, REVIEW_REASONS, type ReviewReason } from '../../core/appraisal/index.ts';
import type { TimingNoteView } from '../../contract/coded-text.ts';
import type { SubmissionProblemView } from '../../contract/assessments.ts';
import { useI18n } from './context.ts';
import type { I18nValue } from './context.ts';

type T = I18nValue['t'];

function params(p: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(p).filter((e): e is [string, number] => e[1] !== undefined));
}

export function timingText(t: T, note: TimingNoteView): string {
  return t(`timing.${note.code}`, params(note.params));
}

export function problemText(t: T, p: Pick<SubmissionProblemView, 'problem' | 'params'>): string {
  return t(`problem.${p.problem}`, params(p.params));
}

export interface NoticeView {
  code: SubmissionNoticeCode;
  timing?: TimingNoteView | undefined;
}

/** "Nếu gửi hôm nay: nộp muộn 2 ngày, …": the timing sentence continues the notice, so it starts in lower case. */
export function noticeText(t: T, lang: I18nValue['lang'], n: NoticeView): string {
  const timing = n.timing ? timingText(t, n.timing) : '';
  const lower = timing.charAt(0).toLocaleLowerCase(lang) + timing.slice(1);
  return t(`notice.${n.code}`, { timing: lower });
}

/** The three words above bound to the current language. */
export function useCodeWords() {
  const { t, lang } = useI18n();
  return {
    timing: (note: TimingNoteView) => timingText(t, note),
    problem: (p: Pick<SubmissionProblemView, 'problem' | 'params'>) => problemText(t, p),
    notice: (n: NoticeView) => noticeText(t, lang, n),
  };
}

/** The council's reason for a score (core/appraisal REVIEW_REASONS); a code from an older list shows as stored. */
export function reasonText(t: T, reason: string | null | undefined): string {
  if (!reason) return '';
  return (REVIEW_REASONS as readonly string[]).includes(reason) ? t(`reason.${reason as ReviewReason}`) : reason;
}

/** A problem with a council's decision, checked in the browser (core/appraisal checkDecision). */
export function decisionProblemText(t: T, p: Pick<DecisionProblem, 'code' | 'params'>, notApplicable: boolean): string {
  if (p.code === 'COMMENT_REQUIRED' && notApplicable) return t('decision.COMMENT_REQUIRED_NA');
  return t(`decision.${p.code}`, p.params ?? {});
}
