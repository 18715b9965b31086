// The fixture's evidence (`thuocdo fixture national`): the row of each file it put in the store, and every
// unit's library of documents written in bulk.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bulkInsert, columnsOf } from './fixture-bulk.ts';

/** Records a stored file once: the same content stored again (a province's shared plan) is not an error. */
export async function insertFixtureStoredFile(
  db: Db,
  f: { sha256: string; size: number; mimeType: string },
): Promise<void> {
  await db.execute(
    sql`insert into stored_files (sha256, size, mime_type) values (${f.sha256}, ${f.size}, ${f.mimeType}) on conflict do nothing`,
  );
}

export type FixtureDocumentRow = [
  id: string,
  unitId: string,
  sha256: string | null,
  url: string | null,
  fileName: string | null,
  docNumber: string,
  docDate: string,
  summary: string,
  issuer: string,
  uploadedBy: string,
];

export async function insertFixtureEvidenceDocuments(db: Db, rows: readonly FixtureDocumentRow[]): Promise<void> {
  await bulkInsert(
    db,
    'evidence_documents',
    columnsOf(
      'id:uuid,unit_id:uuid,sha256:text,url:text,file_name:text,doc_number:text,doc_date:date,summary:text,issuer:text,uploaded_by:uuid',
    ),
    rows,
  );
}
