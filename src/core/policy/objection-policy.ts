// Objections (kiến nghị, issue 14 §1): after the results are approved — or published, per the campaign's
// rules — a unit's reporters and leader may object to the final score of any of its decided items, within
// `objectionWindowDays` working days (Mon–Fri) counted from the day after the approval (or first
// publication), the last day included until its end in Vietnam. One open objection per item. The body of
// the unit's group answers: the council's chair, vice chair and the members assigned to the item (or, for a
// parent-unit group, those who appraise on the parent). The one home of these rules: the routes refuse by
// them, the form shows "Kiến nghị" by them.
import type { CampaignRules, CampaignStatus, IsoDate } from '../campaign/types.ts';
import { addWorkingDays } from '../campaign/working-days.ts';
import { type Actor, type UnitRef, holdsRoleOver } from './actor.ts';
import { type AppraisalContext, assignmentCovers, effectivePosition } from './appraisal-policy.ts';

export type ObjectionRules = Pick<CampaignRules, 'objectionWindowDays' | 'objectionsFrom'>;

export interface ObjectionWindow {
  /** What opens it: the approval of the results or their (first) publication. */
  from: 'approval' | 'publication';
  /** The first day (Vietnam) objections are accepted: the day of the approval or publication. */
  opens: IsoDate;
  /** The last day (Vietnam), accepted until its end. */
  closes: IsoDate;
}

/** The window, or null when the rules offer no objection or what opens it has not happened. */
export function objectionWindow(rules: ObjectionRules, openedOn: IsoDate | null): ObjectionWindow | null {
  if (!rules.objectionWindowDays || openedOn === null) return null;
  return {
    from: rules.objectionsFrom ?? 'approval',
    opens: openedOn,
    closes: addWorkingDays(openedOn, rules.objectionWindowDays),
  };
}

export interface ObjectionContext {
  unit: UnitRef;
  campaignStatus: CampaignStatus;
  rules: ObjectionRules;
  /** The Vietnamese date of what opens the window (approval, or first publication); null if not yet. */
  openedOn: IsoDate | null;
  today: IsoDate;
}

export type ObjectionRefusal =
  | 'not_unit_staff'
  /** The campaign's rules offer no objection. */
  | 'not_offered'
  /** Results not yet approved (or published, per the rules). */
  | 'not_yet_open'
  | 'window_closed';

export type ItemObjectionRefusal = ObjectionRefusal | 'item_not_decided' | 'result_not_shown' | 'objection_open';

const AFTER_APPROVAL: readonly CampaignStatus[] = ['approved', 'published', 'archived'];
const AFTER_PUBLICATION: readonly CampaignStatus[] = ['published', 'archived'];

/** Why this person may not object on the unit's results now (whatever the item), or null when they may. */
export function objectionRefusal(actor: Actor, c: ObjectionContext): ObjectionRefusal | null {
  if (!holdsRoleOver(actor, ['unit_reporter', 'unit_leader'], c.unit)) return 'not_unit_staff';
  if (!c.rules.objectionWindowDays) return 'not_offered';
  const from = c.rules.objectionsFrom ?? 'approval';
  const reached = (from === 'approval' ? AFTER_APPROVAL : AFTER_PUBLICATION).includes(c.campaignStatus);
  const window = objectionWindow(c.rules, c.openedOn);
  if (!reached || !window || c.today < window.opens) return 'not_yet_open';
  if (c.today > window.closes) return 'window_closed';
  return null;
}

/**
 * The same for one item: it must have its final decision, shown to the unit by the campaign's rule
 * (core/appraisal unitSeesReview — nobody objects to a score they cannot read), and no objection still
 * waiting for an answer.
 */
export function itemObjectionRefusal(
  actor: Actor,
  c: ObjectionContext,
  item: { decided: boolean; shownToUnit: boolean; openObjection: boolean },
): ItemObjectionRefusal | null {
  const refusal = objectionRefusal(actor, c);
  if (refusal) return refusal;
  if (!item.decided) return 'item_not_decided';
  if (!item.shownToUnit) return 'result_not_shown';
  if (item.openObjection) return 'objection_open';
  return null;
}

/**
 * Who answers an objection on an item: the body that set its final score — the chair, vice chair and the
 * members whose assignment covers the item (a parent-unit group: the chair and members on the parent) —
 * once the results are approved; the support team and the secretary do not decide.
 */
export function canAnswerObjection(
  actor: Actor,
  ctx: AppraisalContext,
  node: { code: string; domain?: string | undefined },
): boolean {
  if (!AFTER_APPROVAL.includes(ctx.campaignStatus)) return false;
  const position = effectivePosition(actor, ctx);
  if (position === 'chair' || position === 'vice_chair') return true;
  if (position !== 'member') return false;
  return (
    ctx.bodyKind === 'parent_unit' || !ctx.membership || assignmentCovers(ctx.membership.assignment, ctx.unit.id, node)
  );
}
