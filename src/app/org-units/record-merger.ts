// A merger recorded on an existing unit (issue 15 §2): the unit was formed from, or absorbed, the given units
// on the effective date, by the legal basis given (e.g. Nghị quyết 1665/NQ-UBTVQH15). The absorbed units
// end the day before (lineage-change.ts); the unit itself may be one of them ("nhập A vào B": B stays).
import type { AuditActor } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { type LegalBasis, type LineageChangeResult, recordLineageChange } from './lineage-change.ts';

export function recordMerger(
  db: Db,
  {
    who,
    unitId,
    input,
    now,
  }: {
    who: { actor: ScopedActor; audit: AuditActor };
    unitId: string;
    input: LegalBasis & { predecessorIds: string[]; effectiveDate: string };
    /** The server clock (lineage-change.ts). */
    now: Date;
  },
): Promise<LineageChangeResult> {
  return recordLineageChange(db, {
    who,
    change: {
      kind: 'merger',
      predecessorIds: input.predecessorIds.filter((id) => id !== unitId),
      successorIds: [unitId],
      effectiveDate: input.effectiveDate,
    },
    basis: input,
    now,
  });
}
