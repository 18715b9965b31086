// Loads what the presenter needs (who cites the document) and presents one document.
import type { Db } from '../../../db/client.ts';
import { type EvidenceWithFile, findEvidence, usedByOf } from '../../../db/queries/evidence.ts';
import type { OrgUnitRow, ScopedActor } from '../../../db/queries/org-units.ts';
import { unitRefOf } from '../../../app/evidence/load-evidence.ts';
import { presentEvidence } from '../../../app/presenters/evidence.ts';

export async function evidenceView(db: Db, actor: ScopedActor, unit: OrgUnitRow, idOrRow: string | EvidenceWithFile) {
  const e = typeof idOrRow === 'string' ? await findEvidence(db, idOrRow) : idOrRow;
  if (!e) throw new Error(`evidence ${String(idOrRow)} vanished`);
  const usedBy = (await usedByOf(db, [e.doc.id])).get(e.doc.id) ?? [];
  return presentEvidence({ evidence: e, unit: unitRefOf(unit), actor, usedBy });
}

/** A document just added: nothing can cite it yet (its id was not known before this answer), so no read. */
export function newEvidenceView(actor: ScopedActor, unit: Pick<OrgUnitRow, 'id' | 'path'>, e: EvidenceWithFile) {
  return presentEvidence({ evidence: e, unit: unitRefOf(unit), actor, usedBy: [] });
}
