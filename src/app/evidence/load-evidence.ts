// Finds a unit or a document for an evidence request and applies the evidence policy: not readable →
// 404 (its existence is not revealed), readable but not manageable → 403.
import type { UnitRef } from '../../core/policy/actor.ts';
import { canManageUnitEvidence, canReadUnitEvidence } from '../../core/policy/evidence-policy.ts';
import type { Db } from '../../db/client.ts';
import { type EvidenceWithFile, findEvidence } from '../../db/queries/evidence.ts';
import { type OrgUnitRow, type ScopedActor, isUuid, unitById } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import type { MadeWithSession } from '../../db/queries/session-with.ts';
import { unitReadMade, unitWithSessionRead } from '../../db/queries/unit-with-session.ts';
import { OperationError, notFound } from '../errors.ts';

export type Need = 'read' | 'manage';

export const unitRefOf = (unit: Pick<OrgUnitRow, 'id' | 'path'>): UnitRef => ({
  id: unit.id,
  ancestry: ancestryOf(unit.path),
});

function authorize(actor: ScopedActor, unit: Pick<OrgUnitRow, 'id' | 'path'>, need: Need, what: string): void {
  const ref = unitRefOf(unit);
  if (!canReadUnitEvidence(actor, ref)) throw notFound(what);
  if (need === 'manage' && !canManageUnitEvidence(actor, ref)) {
    throw new OperationError(
      'FORBIDDEN',
      'Chỉ cán bộ đầu mối và lãnh đạo của đơn vị mới được thay đổi tài liệu kiểm chứng của đơn vị.',
    );
  }
}

export async function loadEvidenceUnit(
  db: Db,
  { actor, unitId, need }: { actor: ScopedActor; unitId: string; need: Need },
): Promise<OrgUnitRow> {
  const unit = isUuid(unitId) ? await unitById(db, unitId) : null;
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  authorize(actor, unit, need, 'Không tìm thấy đơn vị.');
  return unit;
}

/** The route's read to make with the session (decision 0026): the unit, from the path as it came. */
export const evidenceUnitReadWithSession = (params: { unitId: string }) => unitWithSessionRead(params.unitId);

/**
 * The unit of a library as the upload needs it (its id and place in the tree), from the read made with the
 * session when there is one for this unit; the same answers as loadEvidenceUnit (404, 403).
 */
export async function evidenceUnitOf(
  db: Db,
  { actor, unitId, need, made }: { actor: ScopedActor; unitId: string; need: Need; made: MadeWithSession | undefined },
): Promise<Pick<OrgUnitRow, 'id' | 'path'>> {
  const read = unitReadMade(made);
  if (read?.id !== unitId) return loadEvidenceUnit(db, { actor, unitId, need });
  if (!read.unit) throw notFound('Không tìm thấy đơn vị.');
  authorize(actor, read.unit, need, 'Không tìm thấy đơn vị.');
  return read.unit;
}

export async function loadEvidence(
  db: Db,
  { actor, id, need }: { actor: ScopedActor; id: string; need: Need },
): Promise<{ evidence: EvidenceWithFile; unit: OrgUnitRow }> {
  const what = 'Không tìm thấy tài liệu kiểm chứng.';
  const evidence = isUuid(id) ? await findEvidence(db, id) : null;
  if (!evidence) throw notFound(what);
  const unit = await unitById(db, evidence.doc.unitId);
  if (!unit) throw notFound(what);
  authorize(actor, unit, need, what);
  return { evidence, unit };
}
