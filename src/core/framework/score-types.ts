// Shapes of a scoring result. The UI shows `explanation` verbatim (inputs → rule → points), so every
// method fills it even when it cannot give points; `issues` carry stable codes for the machine and
// Vietnamese messages for the person.

/** One value typed (or computed) for an item, keyed per method as documented in types.ts. */
export type InputValue = number | boolean | string | null | undefined;

/** Inputs of one item. Reserved key `notApplicable: true` marks the item as not applicable (any method). */
export type InputValues = Record<string, InputValue>;

/** Informational fields of the assessment (thông tin chung), by InfoField.key; used as `info.<key>` in formulas. */
export type InfoValues = Record<string, number | null | undefined>;

export interface ScoreIssue {
  /** Stable English code, e.g. INPUT_MISSING. */
  code: string;
  /** Vietnamese message. */
  message: string;
  /** Input key concerned, when there is one. */
  input?: string;
}

export interface ScoreExplanation {
  /** Vietnamese sentence describing the rule. */
  rule: string;
  /** Vietnamese lines: inputs, computation, result. */
  steps: string[];
}

export interface ItemScore {
  /** Rounded half-up to 2 decimals, within 0…max; null when it cannot be computed or is not applicable. */
  points: number | null;
  notApplicable: boolean;
  explanation: ScoreExplanation;
  issues: ScoreIssue[];
}
