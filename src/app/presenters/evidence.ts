// What the API shows of an evidence document, with the caller's abilities from the evidence policy.
import type { Actor, UnitRef } from '../../core/policy/actor.ts';
import { evidenceAbilities } from '../../core/policy/evidence-policy.ts';
import type { EvidenceWithFile } from '../../db/queries/evidence.ts';

export interface PresentEvidenceOptions {
  evidence: EvidenceWithFile;
  unit: UnitRef;
  actor: Actor;
  usedBy: { assessmentId: string; code: string }[];
}

export function presentEvidence({ evidence: e, unit, actor, usedBy }: PresentEvidenceOptions) {
  const d = e.doc;
  return {
    id: d.id,
    unitId: d.unitId,
    fileName: d.fileName,
    url: d.url,
    sha256: d.sha256,
    size: e.size,
    mimeType: e.mimeType,
    docNumber: d.docNumber,
    docDate: d.docDate,
    summary: d.summary,
    issuer: d.issuer,
    uploadedBy: d.uploadedBy ? { id: d.uploadedBy, fullName: e.uploaderName ?? '' } : null,
    createdAt: d.createdAt.toISOString(),
    usedBy,
    abilities: evidenceAbilities(actor, unit, { hasFile: d.sha256 !== null, inUse: usedBy.length > 0 }),
  };
}
