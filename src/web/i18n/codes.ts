// Words for what the server sends as codes with parameters (issue 14 §6): a submission's timing, the
// pre-submission notices and item problems, the council's reasons and decision problems. The server never
// builds these sentences for the staff app.
import type { SubmissionNoticeCode } from '../../core/campaign/index.ts';
import { type DecisionProblem, REVIEW_REASONS, type ReviewReason } from '../../core/appraisal/index.ts';
import type { TimingNoteView } from '../../contract/coded-text.ts';
import type { SubmissionProblemView } from '../../contract/assessments.ts';
import { REQUEST_KINDS } from '../../core/appraisal/types.ts';
import type { Notification, NotificationKind } from '../../contract/notifications.ts';
import { useI18n } from './context.ts';
import { type MessageKey, vi } from './vi.ts';
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

/**
 * A notification in the reader's language (issue 14 §6): worded from its kind and parameters; one written
 * before notifications carried parameters (params null) shows as stored.
 */
export function notificationText(
  t: T,
  n: Pick<Notification, 'kind' | 'params' | 'title' | 'body'>,
): {
  title: string;
  body: string;
} {
  const p = n.params;
  const stored = { title: n.title, body: n.body };
  if (!p) return stored;
  const date = (iso: unknown) => (typeof iso === 'string' ? iso.split('-').reverse().join('/') : '');
  switch (n.kind as NotificationKind) {
    case 'reminder':
      return {
        title: t('notif.kind.reminder', {
          unit: String(p['unitName'] ?? ''),
          campaign: String(p['campaignName'] ?? ''),
          n: Number(p['daysRemaining'] ?? 0),
        }),
        body: t('notif.deadline', { date: date(p['deadline']) }),
      };
    case 'appraisal_request': {
      const kind = String(p['requestKind'] ?? '');
      const kindWords = (REQUEST_KINDS as readonly string[]).includes(kind)
        ? t(`apr.kind.${kind as (typeof REQUEST_KINDS)[number]}`)
        : kind;
      return {
        title: t('notif.kind.appraisal_request', {
          kind: kindWords.charAt(0).toLocaleLowerCase() + kindWords.slice(1),
          code: String(p['code'] ?? ''),
        }),
        body: [n.body, t('notif.replyBy', { date: date(p['deadline']) })].filter(Boolean).join('\n'),
      };
    }
    case 'appraisal_reply':
      return {
        title: t('notif.kind.appraisal_reply', { unit: String(p['unitName'] ?? ''), code: String(p['code'] ?? '') }),
        body: n.body,
      };
    case 'objection_answer':
      return {
        title: t(p['outcome'] === 'upheld' ? 'notif.kind.objection_upheld' : 'notif.kind.objection_rejected', {
          code: String(p['code'] ?? ''),
        }),
        body: n.body,
      };
    default:
      return stored; // a kind this app does not know yet
  }
}

/** Which list of words an import's problems are worded from (core/imports/problem-codes.ts: vi-imports.ts and
 *  vi-codes.ts figProblem.*; an index set's file and validation problems: fwProblem.*, vi-fw-problems.ts). */
export type ImportProblemWords = 'unitImport' | 'userImport' | 'formImport' | 'figProblem' | 'fwProblem';

export interface CodedProblem {
  code?: string | undefined;
  params?: Record<string, string | number> | undefined;
  message: string;
}

/**
 * One problem of a rejected import in the reader's language (issue 14 §6). The Vietnamese page shows the
 * server's own sentence. Otherwise the problem is worded by its code; a row refused by the same operation as
 * the web form carries an API error code, worded as that error (after the item, when the row names one); a
 * code this app does not know yet shows the server's message rather than nothing.
 */
export function importProblemText(t: T, lang: I18nValue['lang'], words: ImportProblemWords, p: CodedProblem): string {
  if (lang === 'vi' || !p.code) return p.message;
  const params = p.params ?? {};
  const own = `${words}.${p.code}`;
  if (own in vi) {
    const text = t(own as MessageKey, params);
    // A parameter the words need and the problem lacks (an older server): its own sentence says more.
    if (/\{\w+\}/.test(text)) return p.message;
    // A method's option or threshold the problem is about ("Option "Có": 12 points exceed the maximum of 10.").
    if (words === 'fwProblem' && params['threshold'] !== undefined)
      return `${t('fwProblem.atThreshold', { threshold: params['threshold'] })}: ${text}`;
    if (words === 'fwProblem' && params['option'] !== undefined && p.code !== 'CHOICE_DUPLICATE_VALUE')
      return `${t('fwProblem.atOption', { option: params['option'] })}: ${text}`;
    return text;
  }
  const error = `error.${p.code}`;
  if (error in vi) {
    const text = t(error as MessageKey);
    return params['item'] !== undefined ? t('import.itemError', { item: params['item'], error: text }) : text;
  }
  return p.message;
}
