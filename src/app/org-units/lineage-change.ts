// The one transaction behind recording a merger, a split or a rename (record-merger.ts, record-split.ts,
// record-rename.ts): load every unit of the change within the actor's scope (404 unreadable, 403 not
// managed), check the change against the whole lineage (core/org/lineage-rules.ts: 422 LINEAGE_INVALID with
// the problems as codes and parameters), write the rows with their legal basis, END the predecessors still
// active on the effective date (their last day is the day before — the rule says a predecessor is inactive
// from the effective date; recording it ends it, in the same transaction, rather than refusing), and audit
// the change on each successor and each predecessor ended.
import {
  type LineageChange,
  type LineageKind,
  lineageProblems,
  lineageRowsOf,
  predecessorsToEnd,
} from '../../core/org/lineage-rules.ts';
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { allLineageRows, insertLineageRows, lineageUnits, lockLineage } from '../../db/queries/lineage.ts';
import { endUnitActivity } from '../../db/queries/org-unit-writes.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { OperationError } from '../errors.ts';
import { loadManagedUnit } from './load-managed-unit.ts';

export interface LegalBasis {
  /** Document number and type, e.g. "1665/NQ-UBTVQH15". */
  legalBasis: string;
  legalBasisDate: string;
  note?: string | undefined;
}

export interface LineageChangeResult {
  kind: LineageKind;
  rows: { unitId: string; predecessorId: string; effectiveDate: string }[];
  ended: { id: string; activeTo: string }[];
}

const KIND_VI: Record<LineageKind, string> = { merger: 'Hợp nhất/sáp nhập', split: 'Chia tách', rename: 'Đổi tên' };

export async function recordLineageChange(
  db: Db,
  {
    who,
    change,
    basis,
    now,
  }: {
    who: { actor: ScopedActor; audit: AuditActor };
    change: LineageChange;
    basis: LegalBasis;
    /** The server clock: updated_at of the predecessors the change ends. */
    now: Date;
  },
): Promise<LineageChangeResult> {
  return db.transaction(async (tx) => {
    await lockLineage(tx);
    const toEndIds = new Set(change.predecessorIds.filter((id) => !change.successorIds.includes(id)));
    // Fixed order (by id) so two changes over the same units lock them in the same order.
    for (const id of [...new Set([...change.successorIds, ...change.predecessorIds])].sort())
      await loadManagedUnit(tx, { actor: who.actor, id, ability: toEndIds.has(id) ? 'deactivate' : 'update' });
    const units = await lineageUnits(tx, [...change.successorIds, ...change.predecessorIds]);
    const problems = lineageProblems(
      { ...change, legalBasisDate: basis.legalBasisDate },
      await allLineageRows(tx),
      units,
    );
    if (problems.length) throw lineageInvalid(problems);

    const rows = lineageRowsOf(change);
    await insertLineageRows(
      tx,
      rows.map((r) => ({
        ...r,
        kind: change.kind,
        legalBasis: basis.legalBasis,
        legalBasisDate: basis.legalBasisDate,
        note: basis.note ?? null,
      })),
    );
    const ended = predecessorsToEnd(change, units);
    const successorNames = change.successorIds.map((id) => units.get(id)?.name ?? id).join(', ');
    for (const e of ended) {
      await endUnitActivity(tx, e.id, e.activeTo, now);
      await writeAudit(tx, who.audit, {
        action: 'org_unit.deactivate',
        objectType: 'org_unit',
        objectId: e.id,
        unitId: e.id,
        before: { activeTo: units.get(e.id)?.activeTo ?? null },
        after: { activeTo: e.activeTo },
        reason: `${KIND_VI[change.kind]}: ${successorNames} từ ${change.effectiveDate} (${basis.legalBasis})`,
      });
    }
    for (const successor of change.successorIds)
      await writeAudit(tx, who.audit, {
        action: `org_unit.lineage.${change.kind}`,
        objectType: 'org_unit',
        objectId: successor,
        unitId: successor,
        after: {
          predecessors: change.predecessorIds.map((id) => units.get(id)?.code ?? id),
          successors: change.successorIds.map((id) => units.get(id)?.code ?? id),
          effectiveDate: change.effectiveDate,
          legalBasis: basis.legalBasis,
          legalBasisDate: basis.legalBasisDate,
          ended: ended.map((e) => units.get(e.id)?.code ?? e.id),
        },
        reason: basis.note ?? null,
      });
    return { kind: change.kind, rows, ended };
  });
}

export function lineageInvalid(problems: { code: string; params: Record<string, unknown> }[]): OperationError {
  return new OperationError(
    'LINEAGE_INVALID',
    `Không ghi nhận được thay đổi đơn vị: ${problems.length} điểm chưa hợp lệ (xem chi tiết).`,
    { lineageProblems: problems },
  );
}
