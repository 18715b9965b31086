// Reads of evidence documents: a unit's library (accent-insensitive search), which assessment items use
// a document, and documents of other units with the same bytes (the appraisal's duplicate check).
import { type SQL, and, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import type { Db } from '../client.ts';
import { users } from '../schema/accounts.ts';
import { evidenceDocuments, itemEvidence, storedFiles } from '../schema/evidence.ts';
import { orgUnits } from '../schema/org.ts';

export type EvidenceRow = typeof evidenceDocuments.$inferSelect;

/** A document with what the API shows alongside it (file facts, uploader's name). */
export const evidenceColumns = {
  doc: evidenceDocuments,
  size: storedFiles.size,
  mimeType: storedFiles.mimeType,
  uploaderName: users.fullName,
};

export interface EvidenceWithFile {
  doc: EvidenceRow;
  size: number | null;
  mimeType: string | null;
  uploaderName: string | null;
}

function withFile(db: Db) {
  return db
    .select(evidenceColumns)
    .from(evidenceDocuments)
    .leftJoin(storedFiles, eq(storedFiles.sha256, evidenceDocuments.sha256))
    .leftJoin(users, eq(users.id, evidenceDocuments.uploadedBy));
}

export async function findEvidence(db: Db, id: string): Promise<EvidenceWithFile | null> {
  const [row] = await withFile(db).where(eq(evidenceDocuments.id, id)).limit(1);
  return row ? { ...row, size: row.size === null ? null : Number(row.size) } : null;
}

// The library has no folded column: fold in SQL with translate(), mapping every precomposed Latin letter
// that foldVietnamese turns into a plain one (and A–Z to a–z, since lower() is locale-dependent).
const FOLD = (() => {
  let from = '';
  let to = '';
  const ranges: [number, number][] = [
    [0x41, 0x5a],
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [lo, hi] of ranges) {
    for (let cp = lo; cp <= hi; cp++) {
      const c = String.fromCodePoint(cp);
      const f = foldVietnamese(c);
      if (f !== c && /^[a-z]$/.test(f)) {
        from += c;
        to += f;
      }
    }
  }
  return { from, to };
})();

export function foldedSql(expr: SQL): SQL {
  return sql`translate(${expr}, ${FOLD.from}, ${FOLD.to})`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function librarySearch(unitId: string, q: string): SQL | undefined {
  const words = foldVietnamese(q).split(' ').filter(Boolean);
  const haystack = foldedSql(
    sql`concat_ws(' ', ${evidenceDocuments.fileName}, ${evidenceDocuments.docNumber}, ${evidenceDocuments.summary}, ${evidenceDocuments.issuer}, ${evidenceDocuments.url})`,
  );
  return and(eq(evidenceDocuments.unitId, unitId), ...words.map((w) => sql`${haystack} like ${`%${escapeLike(w)}%`}`));
}

export async function listUnitEvidence(db: Db, unitId: string, q: string, page: number, pageSize: number) {
  const where = librarySearch(unitId, q);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(evidenceDocuments).where(where);
  const rows = await withFile(db)
    .where(where)
    .orderBy(desc(evidenceDocuments.createdAt), desc(evidenceDocuments.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { total: Number(total), rows: rows.map((r) => ({ ...r, size: r.size === null ? null : Number(r.size) })) };
}

/** Assessment items that cite each document. */
export async function usedByOf(
  db: Db,
  evidenceIds: readonly string[],
): Promise<Map<string, { assessmentId: string; code: string }[]>> {
  const map = new Map<string, { assessmentId: string; code: string }[]>();
  if (evidenceIds.length === 0) return map;
  const rows = await db
    .select()
    .from(itemEvidence)
    .where(inArray(itemEvidence.evidenceId, [...evidenceIds]));
  for (const r of rows) {
    const list = map.get(r.evidenceId) ?? [];
    list.push({ assessmentId: r.assessmentId, code: r.code });
    map.set(r.evidenceId, list);
  }
  return map;
}

export async function countDocumentsWithFile(db: Db, sha256: string): Promise<number> {
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(evidenceDocuments)
    .where(eq(evidenceDocuments.sha256, sha256));
  return Number(n);
}

/** Total bytes of distinct stored files: the store's usage as the database knows it. */
export async function storedBytesTotal(db: Db): Promise<number> {
  const [row] = await db
    .select({ total: sql<string | number | null>`coalesce(sum(${storedFiles.size}), 0)` })
    .from(storedFiles);
  return Number(row?.total ?? 0);
}

export interface SameFileDocument {
  evidenceId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  fileName: string | null;
  docNumber: string | null;
  docDate: string | null;
  summary: string | null;
  createdAt: Date;
}

/** Documents of OTHER units carrying exactly the same bytes (same SHA-256): for appraisers to spot one
 *  unit's evidence submitted by another. Callers decide who may see them. */
export async function findSameFileElsewhere(db: Db, sha256: string, unitId: string): Promise<SameFileDocument[]> {
  return db
    .select({
      evidenceId: evidenceDocuments.id,
      unitId: evidenceDocuments.unitId,
      unitCode: orgUnits.code,
      unitName: orgUnits.name,
      fileName: evidenceDocuments.fileName,
      docNumber: evidenceDocuments.docNumber,
      docDate: evidenceDocuments.docDate,
      summary: evidenceDocuments.summary,
      createdAt: evidenceDocuments.createdAt,
    })
    .from(evidenceDocuments)
    .innerJoin(orgUnits, eq(orgUnits.id, evidenceDocuments.unitId))
    .where(and(eq(evidenceDocuments.sha256, sha256), ne(evidenceDocuments.unitId, unitId)))
    .orderBy(orgUnits.code, evidenceDocuments.createdAt);
}
