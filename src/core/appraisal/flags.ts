// Appraiser aids, computed from plain data: the unit's self score disagrees with its own figures; a
// mandatory document is missing; the same file (SHA-256) was submitted by another unit; the score moved
// by more than a share of the max since last year's final score; a request to the unit is still open; the
// unit supplemented the item since the reviewer last looked at it; the unit's figures differ from those
// another system supplied for the item.
import { evidenceRuleOf, figureLabels, scoreItem } from '../framework/index.ts';
import type { EvidenceRule, FrameworkNode } from '../framework/types.ts';
import type { FigureValue, ReviewFlag } from './types.ts';

export interface FlagInput {
  node: FrameworkNode;
  inputs: Record<string, number | boolean | string | null>;
  selfScore: number | null;
  evidenceCount: number;
  /** The unit wrote an explanation for the item. */
  explained?: boolean | undefined;
  /** The index set's default evidence rule (evidenceRuleOf). */
  setEvidenceRule?: EvidenceRule | undefined;
  duplicateUnits: { unitId: string; unitName: string }[];
  lastYearFinal: number | null;
  /** e.g. 0.5: a change of more than half the max is flagged. */
  changeShare: number;
  openRequestDeadline?: string | null | undefined;
  /** The assessment's informational fields: formulas read them (e.g. per 1,000 inhabitants). */
  info?: Record<string, number | null> | undefined;
  /** The unit's supplements after the reviewer's last look at (or decision on) the item; none → undefined. */
  supplementsSinceLook?: { count: number; lastAt: string } | undefined;
  /** The latest figures another system supplied for the item (supplied_figures), if any. */
  systemFigures?: { inputs: Record<string, unknown>; source: string; suppliedAt: string } | undefined;
}

/** Hundredths, as every score and figure is kept: 12.5 and 12.50 agree; "12,5" typed as text too. */
function sameFigure(a: FigureValue, b: FigureValue): boolean {
  if (a === b) return true;
  const n = (v: FigureValue) =>
    typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.replace(',', '.')) : NaN;
  const x = n(a);
  const y = n(b);
  return Number.isFinite(x) && Number.isFinite(y) && Math.round(x * 100) === Math.round(y * 100);
}

const asFigure = (v: unknown): FigureValue =>
  typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : null;

/** Each figure the system supplied that the unit's entry does not match (a blank counts as different). */
export function figuresDifferingFromSystem(
  node: FrameworkNode,
  inputs: Record<string, unknown>,
  system: Record<string, unknown>,
): { name: string; label: string; unit: FigureValue; system: FigureValue }[] {
  const labels = figureLabels(node.method);
  return Object.entries(system)
    .filter(([, v]) => asFigure(v) !== null)
    .filter(([name, v]) => !sameFigure(asFigure(inputs[name]), asFigure(v)))
    .map(([name, v]) => ({ name, label: labels[name] ?? name, unit: asFigure(inputs[name]), system: asFigure(v) }));
}

export function reviewFlags(f: FlagInput): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  const method = f.node.method;
  if (method && method.kind !== 'manual') {
    const computed = scoreItem(f.node, f.inputs, f.info).points;
    if (
      computed !== f.selfScore &&
      !(computed !== null && f.selfScore !== null && Math.round(computed * 100) === Math.round(f.selfScore * 100))
    ) {
      flags.push({ kind: 'self_score_inconsistent', computed, self: f.selfScore });
    }
  }
  // The item's evidence rule (issue 13 §3): a missing mandatory document; or an explanation standing in
  // for the evidence (000 Điều 8.4.a allows it — a flag for the council to look at, not a refusal).
  const rule = evidenceRuleOf(f.node, f.setEvidenceRule);
  if (rule === 'required' && f.evidenceCount === 0) flags.push({ kind: 'mandatory_evidence_missing' });
  if (rule === 'evidence_or_explanation' && f.evidenceCount === 0 && f.explained)
    flags.push({ kind: 'explained_no_evidence' });
  if (f.duplicateUnits.length > 0) flags.push({ kind: 'duplicate_evidence', otherUnits: f.duplicateUnits });
  if (
    f.lastYearFinal !== null &&
    f.selfScore !== null &&
    Math.abs(f.selfScore - f.lastYearFinal) > f.changeShare * f.node.maxPoints
  ) {
    flags.push({
      kind: 'large_change_since_last_year',
      lastYearFinal: f.lastYearFinal,
      self: f.selfScore,
      share: f.changeShare,
    });
  }
  if (f.openRequestDeadline !== undefined) flags.push({ kind: 'open_request', deadline: f.openRequestDeadline });
  if (f.supplementsSinceLook && f.supplementsSinceLook.count > 0)
    flags.push({ kind: 'supplemented_since_last_look', ...f.supplementsSinceLook });
  if (f.systemFigures) {
    const figures = figuresDifferingFromSystem(f.node, f.inputs, f.systemFigures.inputs);
    if (figures.length > 0)
      flags.push({
        kind: 'differs_from_system',
        source: f.systemFigures.source,
        suppliedAt: f.systemFigures.suppliedAt,
        figures,
      });
  }
  return flags;
}
