// A split recorded on an existing unit (issue 15 §2): the unit was divided into two or more existing units on
// the effective date, by the legal basis given; it ends the day before (lineage-change.ts). Each successor
// lists it as a predecessor, so a derived figure counts it in each.
import type { AuditActor } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { type LegalBasis, type LineageChangeResult, recordLineageChange } from './lineage-change.ts';

export function recordSplit(
  db: Db,
  {
    who,
    unitId,
    input,
    now,
  }: {
    who: { actor: ScopedActor; audit: AuditActor };
    unitId: string;
    input: LegalBasis & { successorIds: string[]; effectiveDate: string };
    /** The server clock (lineage-change.ts). */
    now: Date;
  },
): Promise<LineageChangeResult> {
  return recordLineageChange(db, {
    who,
    change: {
      kind: 'split',
      predecessorIds: [unitId],
      successorIds: input.successorIds,
      effectiveDate: input.effectiveDate,
    },
    basis: input,
    now,
  });
}
