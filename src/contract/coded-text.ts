// What the API sends instead of a sentence (issue 14 §6): a code from a closed list and its parameters. The
// staff app words each code in the reader's language (src/web/i18n); documents and the portal, which are
// Vietnamese only, word the same verdicts with the Vietnamese functions of src/core.
import { z } from 'zod';
import { SUBMISSION_PROBLEM_CODES, TIMING_NOTE_CODES } from '../core/campaign/index.ts';

/** A submission's timing: due_in {days}, late_penalised {days, points}, not_submitted… (core/campaign/timing-note.ts). */
export const timingNote = z.object({
  code: z.enum(TIMING_NOTE_CODES),
  params: z.object({ days: z.number().optional(), points: z.number().optional() }),
});

/** One item that blocks a submission (core/campaign/submission-check.ts). */
export const submissionProblem = z.object({
  code: z.string(),
  title: z.string(),
  problem: z.enum(SUBMISSION_PROBLEM_CODES),
  params: z.object({ max: z.number().optional() }),
});

export type TimingNoteView = z.infer<typeof timingNote>;
