// Evidence (tài liệu kiểm chứng): files in the content-addressed store (one row per distinct SHA-256),
// documents in a unit's library (a file or a URL, with its số hiệu, date, trích yếu, issuing body —
// carried over between campaigns), and their links to assessment items.
import { bigint, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { assessments } from './campaigns.ts';
import { orgUnits } from './org.ts';

export const storedFiles = pgTable('stored_files', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  /** Detected from the content, never from the name. */
  mimeType: text('mime_type').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const evidenceDocuments = pgTable(
  'evidence_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    sha256: text('sha256').references(() => storedFiles.sha256),
    url: text('url'),
    fileName: text('file_name'),
    /** Số hiệu văn bản. */
    docNumber: text('doc_number'),
    docDate: date('doc_date', { mode: 'string' }),
    /** Trích yếu. */
    summary: text('summary'),
    issuer: text('issuer'),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_documents_unit_idx').on(t.unitId), index('evidence_documents_sha_idx').on(t.sha256)],
);

export const itemEvidence = pgTable(
  'item_evidence',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidenceDocuments.id),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.code, t.evidenceId] }),
    index('item_evidence_evidence_idx').on(t.evidenceId),
  ],
);
