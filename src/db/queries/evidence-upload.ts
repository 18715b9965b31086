// The record of an uploaded file, in one statement (decisions 0030, 0031): the file's shared lock, the stored
// file (once per content), the document pointing at it and the audit entry. The bytes are already placed
// (without the lock: decision 0031), and the statement commits on its own. Taking the lock first, it waits
// for a remover of the same content in flight (a deletion of its last document, the clean-up of a failed
// upload, the start-up sweep — each removes bytes only under the exclusive lock and only when no row names
// them); one that comes after finds the rows. A remover that ran between the placement and this statement
// found no row: the statement then inserts the stored file's row, and the upload that inserted it puts the
// bytes back if they are gone (StagedFile.ensureStored) — so it answers whether it inserted that row.
// Locks in the order every writer of a unit's library takes them: the file's (both inserts read it, and the
// audit entry runs only after the document's insert), then the unit's audit chain (the append's head), then,
// at the statement's end, the stored file's row for the document's foreign key — which a deletion takes only
// under the file's lock.
import { type AuditActor, type AuditEntryInput, appendAuditSql, auditSqlParams } from '../audit/write-audit.ts';
import type { Db } from '../client.ts';
import { LOCK_CLASS } from '../lock-classes.ts';
import { namedStatement, runNamed } from '../prepared.ts';
import type { EvidenceRow } from './evidence.ts';
import { storedFileOf } from './evidence-files.ts';

// $1 sha256, $2 size, $3 MIME type; $4 … $12 the document; $13, $14 the audit entry (appendAuditSql).
// Answers the stored file's size and type, and whether this statement inserted its row: the row just
// inserted, or the one recorded before — no row when another upload of the same content committed it while
// this statement waited at the conflict (its snapshot, taken before, does not see it).
const recordUpload = namedStatement<{ size: string | number; mime_type: string; inserted: boolean }>(
  'evidence_upload_record',
  `with lock as (select pg_advisory_xact_lock_shared(${LOCK_CLASS.storedFile}, hashtext($1::text))),
   file as (
     insert into stored_files (sha256, size, mime_type) select $1::text, $2::bigint, $3::text from lock
     on conflict do nothing returning size, mime_type),
   doc as (
     insert into evidence_documents (id, unit_id, sha256, file_name, doc_number, doc_date, summary, issuer, uploaded_by, created_at)
     select $4::uuid, $5::uuid, $1::text, $6::text, $7::text, $8::date, $9::text, $10::text, $11::uuid, $12::timestamptz from lock
     returning id),
   audit as (${appendAuditSql(13, 'exists (select 1 from doc)')})
   select size, mime_type, true as inserted from file
   union all
   select size, mime_type, false from stored_files where sha256 = $1::text and not exists (select 1 from file)`,
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

/**
 * Records the upload (the bytes placed); the stored file's size and type as recorded, and whether this upload
 * inserted the stored file's row (it then answers for the bytes being there: StagedFile.ensureStored).
 */
export async function recordEvidenceUpload(
  db: Db,
  { doc, size, mimeType, actor, audit }: UploadRecord,
): Promise<{ size: number; mimeType: string; inserted: boolean }> {
  const [row] = await runNamed(db, recordUpload, [
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
  if (row) return { size: Number(row.size), mimeType: row.mime_type, inserted: row.inserted };
  // The file's row committed by another upload while this statement waited for it: a new statement sees it.
  const committed = await storedFileOf(db, doc.sha256);
  if (!committed) throw new Error(`stored file ${doc.sha256}: neither inserted nor found`);
  return { ...committed, inserted: false };
}
