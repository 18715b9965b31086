// When a unit sees what the council did to its items (issue 14 §1): the final score, its reason and the
// council's comment — and, if the campaign says so, the support team's proposed score. The moment is a
// campaign rule, because decisions differ: some publish only the approved result (000 Điều 9.3–9.4: the
// competent authority approves and publishes), others let the unit follow each decision so it can
// supplement in time (001 II.3.b). Nothing of the council's work reaches the unit before that moment.

/** after_decision: each item once it is decided; after_close: every item once the council closes the group's
 *  appraisal; after_publication: once the results are published (the default: only approved results). */
export type UnitResultVisibility = 'after_decision' | 'after_close' | 'after_publication';

export const UNIT_RESULT_VISIBILITIES: readonly UnitResultVisibility[] = [
  'after_decision',
  'after_close',
  'after_publication',
];

export interface UnitResultRules {
  visibility: UnitResultVisibility;
  /** Whether the unit also sees the support team's proposed score and reason (from the same moment). */
  showProposed: boolean;
}

export const DEFAULT_UNIT_RESULT_RULES: UnitResultRules = { visibility: 'after_publication', showProposed: false };

export interface AppraisalMoment {
  /** The council closed the appraisal of the unit's group. */
  groupClosed: boolean;
  /** The campaign's results are published. */
  published: boolean;
}

export interface ItemVisibility {
  final: boolean;
  proposed: boolean;
}

const NOTHING: ItemVisibility = { final: false, proposed: false };

/** What of one item's review the unit sees now. `decided`: the item has its final decision. */
export function unitSeesReview(
  rules: UnitResultRules | undefined,
  moment: AppraisalMoment,
  item: { decided: boolean; proposed: boolean },
): ItemVisibility {
  const r = rules ?? DEFAULT_UNIT_RESULT_RULES;
  const reached =
    moment.published ||
    (r.visibility === 'after_close' && moment.groupClosed) ||
    (r.visibility === 'after_decision' && (moment.groupClosed || item.decided || item.proposed));
  if (!reached) return NOTHING;
  const final = r.visibility === 'after_decision' && !moment.groupClosed && !moment.published ? item.decided : true;
  return { final, proposed: r.showProposed && item.proposed };
}
