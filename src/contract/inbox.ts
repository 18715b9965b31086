// GET /me/inbox — what waits for the caller, as codes and parameters (issue 14 §1): the web words each
// task in the reader's language and links it to the page where it is done. Never text built here.
import { z } from 'zod';

export const INBOX_TASK_KINDS = [
  /** Reporter/leader: items of a draft still empty (counts.missing of counts.total), by the self-assessment deadline. */
  'fill_items',
  /** Reporter/leader: the submission check still finds problems (counts.problems). */
  'fix_problems',
  /** Reporter/leader: the draft is complete and passes the check — submit it. */
  'submit',
  /** Reporter/leader: the council's open requests on items (counts.open), by the earliest reply deadline. */
  'answer_requests',
  /** Reporter/leader: the council's decisions the campaign lets the unit see (counts.decided). */
  'appraisal_result',
  /** Reporter/leader: the published (not yet archived) result (counts.percent, counts.rank, counts.groupSize when known). */
  'result',
  /** Reporter/leader: the unit's objections still waiting for the council's answer (counts.open). */
  'objections_pending',
  /** Reporter/leader: the unit's answered objections and their outcome (counts.upheld, counts.rejected). */
  'objections_answered',
  /** Reporter/leader: results shown and the objection window open — the unit may object (counts.items) by its last day. */
  'objection_window',
  /**
   * Council/DX office: a campaign's objections waiting for an answer (counts.open, over counts.units units;
   * counts.mayAnswer of them the caller's to answer) and, for whoever publishes, those upheld since the latest
   * publication (counts.correctionDue): a corrected publication is due.
   */
  'campaign_objections',
  /** Support team/council: their appraisal queue of one group (counts.toPropose, toDecide, answered, supplemented). */
  'appraise_queue',
  /** Chair (or the DX office for a parent-unit group): every item decided — close the group's appraisal. */
  'close_appraisal',
  /** DX office: the campaign's next step (action), by its deadline. */
  'campaign_step',
] as const;
export type InboxTaskKind = (typeof INBOX_TASK_KINDS)[number];

/** The DX office's next step on a campaign: the campaign transition to take. */
export const INBOX_CAMPAIGN_ACTIONS = [
  'open',
  'close_self_assessment',
  'start_appraisal',
  'approve',
  'publish',
] as const;

export const inboxTaskSchema = z.object({
  kind: z.enum(INBOX_TASK_KINDS),
  /** campaign_step only: the transition to take. */
  action: z.enum(INBOX_CAMPAIGN_ACTIONS).nullable(),
  campaign: z.object({ id: z.string(), name: z.string(), year: z.number(), status: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  group: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Link target: the assessment (unit tasks). */
  assessmentId: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
  /** dd/mm/yyyy is the client's: an ISO date (a Vietnam calendar day, meaning its end), or null. */
  deadline: z.string().nullable(),
  /** Days left to the deadline on Vietnam's clock (negative once passed), null without a deadline. */
  daysRemaining: z.number().nullable(),
});

export const inboxSchema = z.object({ items: z.array(inboxTaskSchema) });

export type InboxTask = z.infer<typeof inboxTaskSchema>;
export type Inbox = z.infer<typeof inboxSchema>;
