// A submission's timing as the API sends it: a code and its numbers, never a sentence — the staff app words
// it in the reader's language (issue 14 §6). The Vietnamese sentence of the same verdict, for documents and
// the portal, stays describeTiming (submission-timing.ts); both read the same TimingVerdict.
import type { TimingVerdict } from './submission-timing.ts';

/** Every timing code the API can send; the web has a translation of each (test/unit/web/i18n-keys.test.ts). */
export const TIMING_NOTE_CODES = [
  'due_in',
  'due_today',
  'on_time',
  'late',
  'late_penalised',
  'late_refused',
  'late_lowest_band',
  'not_submitted',
  'not_submitted_lowest_band',
] as const;

export type TimingNoteCode = (typeof TIMING_NOTE_CODES)[number];

export interface TimingNote {
  code: TimingNoteCode;
  /** days: days remaining (due_in) or days late (late*); points: the penalty (late_penalised). */
  params: { days?: number; points?: number };
}

/** Not yet submitted and the deadline not passed: how many days are left (0 = the deadline is today). */
export function pendingNote(daysRemaining: number): TimingNote {
  return daysRemaining === 0 ? { code: 'due_today', params: {} } : { code: 'due_in', params: { days: daysRemaining } };
}

export function timingNoteOf(v: TimingVerdict): TimingNote {
  switch (v.kind) {
    case 'on_time':
      return { code: 'on_time', params: {} };
    case 'late':
      return v.penaltyPoints
        ? { code: 'late_penalised', params: { days: v.daysLate, points: v.penaltyPoints } }
        : { code: 'late', params: { days: v.daysLate } };
    case 'late_beyond_tolerance':
      return { code: v.refused ? 'late_refused' : 'late_lowest_band', params: { days: v.daysLate } };
    case 'not_submitted':
      return { code: v.lowestBand ? 'not_submitted_lowest_band' : 'not_submitted', params: {} };
  }
}
