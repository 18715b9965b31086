// A rename recorded on an existing unit (issue 15 §2): the unit continues a former unit under a new name (and
// code) from the effective date, by the legal basis given; the former unit ends the day before and its
// results stay its own, the unit's history reaching them through lineage. A change of name that keeps the
// same record is an ordinary edit (update-unit.ts), not lineage.
import type { AuditActor } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { type LegalBasis, type LineageChangeResult, recordLineageChange } from './lineage-change.ts';

export function recordRename(
  db: Db,
  {
    who,
    unitId,
    input,
    now,
  }: {
    who: { actor: ScopedActor; audit: AuditActor };
    unitId: string;
    input: LegalBasis & { predecessorId: string; effectiveDate: string };
    /** The server clock (lineage-change.ts). */
    now: Date;
  },
): Promise<LineageChangeResult> {
  return recordLineageChange(db, {
    who,
    change: {
      kind: 'rename',
      predecessorIds: [input.predecessorId],
      successorIds: [unitId],
      effectiveDate: input.effectiveDate,
    },
    basis: input,
    now,
  });
}
