// Whether a unit is offered "Không áp dụng" for an item in its self-assessment. Said by the index set, never
// guessed from the wording of its guidance: the node's own field, or a method whose denominator may be zero
// with the not-applicable case (ratio and steps: "không có hồ sơ: không áp dụng").
import type { FrameworkNode } from './types.ts';

export function offersNotApplicable(node: FrameworkNode): boolean {
  if (node.notApplicableAllowed === true) return true;
  const m = node.method;
  return m !== undefined && (m.kind === 'ratio' || m.kind === 'steps') && m.zeroDenominator === 'not_applicable';
}
