// Recording a change of the unit map (issue 15 §2): a merger (one or more units → an existing unit, which may
// have been one of them before: "nhập A vào B"), a split (one unit → two or more), or a rename (one → one),
// each with its legal basis (e.g. Nghị quyết 1665/NQ-UBTVQH15) and effective date. What keeps lineage sound:
// - no unit is its own predecessor, and no cycle: a unit cannot become its own ancestor through lineage
//   (derived figures follow lineage backwards; a cycle would have no end and no meaning);
// - no duplicate row (the same predecessor recorded twice for a unit);
// - the legal basis is dated on or before the effective date;
// - the effective date is after the predecessor's own start (it existed at least one day) and the
//   successor exists on it (its start, if any, is not later; it has not ended before);
// - a predecessor is inactive from the effective date: the operation itself ends it on the day before, in
//   the same transaction, when it is still active then (a merger into an existing unit keeps that unit
//   active: it is the successor). A predecessor already ended on or before that day stays as it is.
// Problems are codes with parameters; the web words them (i18n: lineage.problem.*).

/** What the checks read of a unit. activeTo is the last day of activity (inclusive). */
export interface OrgUnitLike {
  code: string;
  activeFrom: string | null;
  activeTo: string | null;
}

export type LineageKind = 'merger' | 'split' | 'rename';
export const LINEAGE_KINDS: readonly LineageKind[] = ['merger', 'split', 'rename'];

export interface LineageRow {
  unitId: string;
  predecessorId: string;
  effectiveDate: string;
}

export type LineageProblem =
  | { code: 'LINEAGE_SHAPE'; params: { kind: LineageKind; predecessors: number; successors: number } }
  | { code: 'LINEAGE_SELF'; params: { unit: string } }
  | { code: 'LINEAGE_CYCLE'; params: { unit: string; predecessor: string } }
  | { code: 'LINEAGE_DUPLICATE'; params: { unit: string; predecessor: string } }
  | {
      code: 'LINEAGE_BEFORE_PREDECESSOR_START';
      params: { predecessor: string; activeFrom: string; effectiveDate: string };
    }
  | { code: 'LINEAGE_SUCCESSOR_NOT_ACTIVE'; params: { unit: string; effectiveDate: string } }
  | { code: 'LINEAGE_BASIS_AFTER_EFFECT'; params: { legalBasisDate: string; effectiveDate: string } };

export interface LineageChange {
  kind: LineageKind;
  predecessorIds: readonly string[];
  successorIds: readonly string[];
  effectiveDate: string;
  /** The date of the legal basis: a decision takes effect on or after the day it is issued. */
  legalBasisDate?: string;
}

/** The rows a change records: every successor formed from every predecessor. */
export function lineageRowsOf(change: LineageChange): LineageRow[] {
  return change.successorIds.flatMap((unitId) =>
    change.predecessorIds.map((predecessorId) => ({ unitId, predecessorId, effectiveDate: change.effectiveDate })),
  );
}

/** How many units each side of a kind takes: a rename 1 → 1, a merger ≥ 1 → 1, a split 1 → ≥ 2. */
export function shapeFits(kind: LineageKind, predecessors: number, successors: number): boolean {
  if (kind === 'rename') return predecessors === 1 && successors === 1;
  if (kind === 'merger') return predecessors >= 1 && successors === 1;
  return predecessors === 1 && successors >= 2;
}

/** The day before an ISO date (the last day of a predecessor that ends when its successor starts). */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The predecessors the change must end, with the day: those still active on the effective date. */
export function predecessorsToEnd(
  change: LineageChange,
  units: ReadonlyMap<string, OrgUnitLike>,
): { id: string; activeTo: string }[] {
  const successors = new Set(change.successorIds);
  const last = dayBefore(change.effectiveDate);
  return [...new Set(change.predecessorIds)]
    .filter((id) => !successors.has(id))
    .filter((id) => {
      const u = units.get(id);
      return u !== undefined && (u.activeTo === null || u.activeTo > last);
    })
    .map((id) => ({ id, activeTo: last }));
}

/**
 * Every problem of recording `change` over the `existing` lineage; [] when it may be recorded. `units` holds
 * at least the units of the change (code for the messages, dates for the checks).
 */
export function lineageProblems(
  change: LineageChange,
  existing: readonly Pick<LineageRow, 'unitId' | 'predecessorId'>[],
  units: ReadonlyMap<string, OrgUnitLike>,
): LineageProblem[] {
  const problems: LineageProblem[] = [];
  const code = (id: string) => units.get(id)?.code ?? id;
  const preds = [...new Set(change.predecessorIds)];
  const succs = [...new Set(change.successorIds)];
  if (
    !shapeFits(change.kind, preds.length, succs.length) ||
    preds.length !== change.predecessorIds.length ||
    succs.length !== change.successorIds.length
  )
    problems.push({
      code: 'LINEAGE_SHAPE',
      params: { kind: change.kind, predecessors: change.predecessorIds.length, successors: change.successorIds.length },
    });

  if (change.legalBasisDate && change.legalBasisDate > change.effectiveDate)
    problems.push({
      code: 'LINEAGE_BASIS_AFTER_EFFECT',
      params: { legalBasisDate: change.legalBasisDate, effectiveDate: change.effectiveDate },
    });
  for (const p of preds) {
    const u = units.get(p);
    if (u?.activeFrom && change.effectiveDate <= u.activeFrom)
      problems.push({
        code: 'LINEAGE_BEFORE_PREDECESSOR_START',
        params: { predecessor: code(p), activeFrom: u.activeFrom, effectiveDate: change.effectiveDate },
      });
  }
  for (const s of succs) {
    const u = units.get(s);
    if (
      u &&
      ((u.activeFrom && u.activeFrom > change.effectiveDate) || (u.activeTo && u.activeTo < change.effectiveDate))
    )
      problems.push({
        code: 'LINEAGE_SUCCESSOR_NOT_ACTIVE',
        params: { unit: code(s), effectiveDate: change.effectiveDate },
      });
  }

  const have = new Set(existing.map((r) => `${r.unitId}|${r.predecessorId}`));
  const back = new Map<string, string[]>();
  for (const r of existing) back.set(r.unitId, [...(back.get(r.unitId) ?? []), r.predecessorId]);
  for (const row of lineageRowsOf({ ...change, predecessorIds: preds, successorIds: succs })) {
    if (row.unitId === row.predecessorId) {
      problems.push({ code: 'LINEAGE_SELF', params: { unit: code(row.unitId) } });
      continue;
    }
    if (have.has(`${row.unitId}|${row.predecessorId}`)) {
      problems.push({
        code: 'LINEAGE_DUPLICATE',
        params: { unit: code(row.unitId), predecessor: code(row.predecessorId) },
      });
      continue;
    }
    if (isAncestor(row.unitId, row.predecessorId, back))
      problems.push({
        code: 'LINEAGE_CYCLE',
        params: { unit: code(row.unitId), predecessor: code(row.predecessorId) },
      });
  }
  return problems;
}

/** Whether `ancestor` is reached going backwards (predecessors) from `from`, on the existing rows. */
export function isAncestor(ancestor: string, from: string, back: ReadonlyMap<string, readonly string[]>): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === ancestor) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(back.get(id) ?? []));
  }
  return false;
}
