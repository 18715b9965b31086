// One unit's result from its per-item scores: a thin adapter — leafScoresOf resolves N/A, replacements,
// rounding and caps into leaf arrays, and the one arithmetic (arithmetic.ts) computes totals, percent,
// penalty, band and status from them, as it does for the score sheets. Returned as a plain object.
import { computeUnitResultFromLeaves, plainResult } from './arithmetic.ts';
import { compileDefinition } from './compiled.ts';
import { leafScoresOf } from './leaves.ts';
import type { ResultIssue, UnitResult, UnitResultInput } from './types.ts';

export function computeUnitResult(input: UnitResultInput): UnitResult {
  const c = compileDefinition(input.definition);
  const issues: ResultIssue[] = [];
  const leaves = leafScoresOf(c, input.itemScores, input.rules, issues);
  return plainResult(computeUnitResultFromLeaves(c, leaves, input.timing, input.rules, issues));
}
