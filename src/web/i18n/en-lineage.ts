// English strings of lineage (issue 15 §2); Vietnamese in vi-lineage.ts.
import type { viLineage } from './vi-lineage.ts';

export const enLineage: Record<keyof typeof viLineage, string> = {
  'lineage.action': 'Record merger/split',
  'lineage.title': 'Record a change of units (merger, split, renaming)',
  'lineage.kind': 'Kind of change',
  'lineage.kind.merger': 'Merger',
  'lineage.kind.split': 'Split',
  'lineage.kind.rename': 'Renaming',
  'lineage.help.merger':
    'This unit was formed from (or absorbed) the units chosen below. They become inactive from the effective date (their last day is the day before); this unit stays active.',
  'lineage.help.split':
    'This unit was divided into the units chosen below (at least two). This unit becomes inactive from the effective date.',
  'lineage.help.rename':
    'This unit continues a former unit (new name and code). The former unit becomes inactive from the effective date; its past results stay its own.',
  'lineage.predecessors': 'Predecessor units',
  'lineage.successors': 'Units it was divided into',
  'lineage.othersRequired': 'Choose the units',
  'lineage.effectiveDate': 'Effective date',
  'lineage.dateRequired': 'Choose a date',
  'lineage.legalBasis': 'Legal basis (document number)',
  'lineage.legalBasisHelp': 'For example: Nghị quyết 1665/NQ-UBTVQH15',
  'lineage.legalBasisRequired': 'The legal basis is required',
  'lineage.legalBasisDate': 'Date of the document',
  'lineage.note': 'Note',
  'lineage.record': 'Record',
  'lineage.saved': 'Recorded. Predecessor units made inactive: {ended}.',
  'lineage.refused': 'The change was not recorded:',
  'lineage.basis': 'basis {basis}',
  'lineage.remove': 'Remove link',
  'lineage.removeTitle': 'Remove a lineage link',
  'lineage.removeHelp':
    'Remove only a link recorded by mistake. If the derived ranking of a published campaign used it, the removal still happens and is written to the audit log with those campaigns.',
  'lineage.removed': 'Lineage link removed.',
  'lineage.removedUsed': 'Lineage link removed; logged because the derived ranking of {campaigns} used it.',
  'lineage.problem.LINEAGE_SHAPE':
    '{kind} has the wrong number of units: a renaming is 1 former unit → 1 unit; a merger 1 or more units → 1 unit; a split 1 unit → at least 2 units (no unit twice).',
  'lineage.problem.LINEAGE_SELF': 'Unit {unit} cannot be its own predecessor.',
  'lineage.problem.LINEAGE_CYCLE':
    '{predecessor} cannot be recorded as a predecessor of {unit}: {predecessor} was formed (directly or through several changes) from {unit}; that would be a cycle.',
  'lineage.problem.LINEAGE_DUPLICATE': 'The link {predecessor} → {unit} is already recorded.',
  'lineage.problem.LINEAGE_BEFORE_PREDECESSOR_START':
    'The effective date {effectiveDate} must be after {predecessor} started ({activeFrom}).',
  'lineage.problem.LINEAGE_SUCCESSOR_NOT_ACTIVE': 'Unit {unit} is not active on {effectiveDate}.',
  'lineage.problem.LINEAGE_BASIS_AFTER_EFFECT':
    'The date of the document ({legalBasisDate}) cannot be after the effective date ({effectiveDate}).',
  'derived.title': 'Derived ranking of the current units',
  'derived.notice':
    'Derived figures, not published results: each current unit takes the published percents of its predecessors. The signed publication is unchanged.',
  'derived.method':
    'Method: {method}. Bands of the campaign applied to the derived percent; equal percents share a rank.',
  'derived.asOf': 'Units active on',
  'derived.lineage': 'Basis {basis}, effective {date}: {count} lineage links',
  'derived.noBasis': 'No basis recorded, effective {date}: {count} lineage links',
  'derived.unit': 'Current unit',
  'derived.percent': 'Derived percent',
  'derived.predecessors': 'Predecessors (published percent)',
  'derived.noData': 'no data',
  'derived.tie': 'tied',
  'derived.derivedMark': 'derived',
  'derived.today': 'Today',
  'derived.none': 'On this date every unit of the campaign still exists: no derived ranking.',
  'derived.original': 'Published ranking',
  'derived.export': 'The ranking .xlsx has an extra “Quy đổi” sheet for each of these groups.',
};
