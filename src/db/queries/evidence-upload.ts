// The record of an uploaded file, in one statement (decision 0030): the stored file (once per content), the
// document pointing at it and the audit entry. The caller's transaction already holds the file's lock
// (lockStoredFileShared) and has placed the bytes under it; this statement adds the rows, and the
// transaction's COMMIT releases the lock — so a remover of the same content (a deletion of its last document,
// the clean-up of a failed upload, the start-up sweep) either ran before the bytes were placed or finds the
// rows when it gets the lock.
// Locks in the order every writer of a unit's library takes them: the file's (held), then the unit's audit
// chain (the append's head), then, at the statement's end, the stored file's row for the document's foreign
// key — which a deletion takes only under the file's lock, held here.
import { type AuditActor, type AuditEntryInput, appendAuditSql, auditSqlParams } from '../audit/write-audit.ts';
import type { Db } from '../client.ts';
import { namedStatement, runNamed } from '../prepared.ts';
import type { EvidenceRow } from './evidence.ts';
import { storedFileOf } from './evidence-files.ts';

// $1 sha256, $2 size, $3 MIME type; $4 … $12 the document; $13, $14 the audit entry (appendAuditSql).
// Answers the stored file's size and type: the row just inserted, or the one recorded before — no row when
// another upload of the same content committed it while this statement waited at the conflict (its
// snapshot, taken before, does not see it).
const recordUpload = namedStatement<{ size: string | number; mime_type: string }>(
  'evidence_upload_record',
  `with file as (
     insert into stored_files (sha256, size, mime_type) values ($1::text, $2::bigint, $3::text)
     on conflict do nothing returning size, mime_type),
   doc as (
     insert into evidence_documents (id, unit_id, sha256, file_name, doc_number, doc_date, summary, issuer, uploaded_by, created_at)
     values ($4::uuid, $5::uuid, $1::text, $6::text, $7::text, $8::date, $9::text, $10::text, $11::uuid, $12::timestamptz)
     returning id),
   audit as (${appendAuditSql(13, 'exists (select 1 from doc)')})
   select size, mime_type from file
   union all
   select size, mime_type from stored_files where sha256 = $1::text and not exists (select 1 from file)`,
);

export interface UploadRecord {
  /** The document as it is stored: its id and time are the caller's (the audit entry describes them). */
  doc: EvidenceRow & { sha256: string };
  size: number;
  mimeType: string;
  actor: AuditActor;
  /** The entry appended to the unit's chain, stamped with the document's time. */
  audit: AuditEntryInput;
}

/** Records the upload (the file's lock held, the bytes placed); the stored file's size and type as recorded. */
export async function recordEvidenceUpload(
  tx: Db,
  { doc, size, mimeType, actor, audit }: UploadRecord,
): Promise<{ size: number; mimeType: string }> {
  const [row] = await runNamed(tx, recordUpload, [
    doc.sha256,
    size,
    mimeType,
    doc.id,
    doc.unitId,
    doc.fileName,
    doc.docNumber,
    doc.docDate,
    doc.summary,
    doc.issuer,
    doc.uploadedBy,
    doc.createdAt,
    ...auditSqlParams(actor, audit, doc.createdAt),
  ]);
  if (row) return { size: Number(row.size), mimeType: row.mime_type };
  // The file's row committed by another upload while this statement waited for it: a new statement sees it.
  const committed = await storedFileOf(tx, doc.sha256);
  if (!committed) throw new Error(`stored file ${doc.sha256}: neither inserted nor found`);
  return committed;
}
