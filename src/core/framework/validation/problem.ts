// A validation finding: stable English code, the node it concerns, its parameters, a Vietnamese message.
// The staff app words the code with the parameters in the reader's language (issue 14 §6; the codes are
// listed in problem-codes.ts); the CLI, logs and the Vietnamese page keep the message.

import type { FrameworkProblemCode } from './problem-codes.ts';

export type ProblemParams = Record<string, string | number>;

export interface Problem {
  /** Stable English code, e.g. CHILDREN_SUM_MISMATCH (listed in docs/framework-format.md). */
  code: string;
  nodeCode?: string;
  params?: ProblemParams;
  message: string;
}

export interface ValidationReport {
  errors: Problem[];
  warnings: Problem[];
}

export function problem(
  code: FrameworkProblemCode,
  message: string,
  nodeCode?: string,
  params?: ProblemParams,
): Problem {
  return {
    code,
    ...(nodeCode === undefined ? {} : { nodeCode }),
    ...(params === undefined ? {} : { params }),
    message,
  };
}

/** A number as it was given, for a parameter ("abc", NaN and Infinity stay readable). */
export const given = (v: unknown): string | number => (typeof v === 'number' && Number.isFinite(v) ? v : String(v));

/** "Tiêu chí 1.2: …" — every node message starts with the code so a list of problems reads on its own. */
export function atNode(nodeCode: string, message: string): string {
  return `Tiêu chí ${nodeCode}: ${message}`;
}
