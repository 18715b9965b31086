// The documents cited by each item of one assessment, with their stored file (SHA-256, size, type) and
// the other units holding the same bytes — one query each.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';

export interface ReviewEvidence {
  id: string;
  fileName: string | null;
  url: string | null;
  sha256: string | null;
  size: number | null;
  mimeType: string | null;
  docNumber: string | null;
  docDate: string | null;
  summary: string | null;
  issuer: string | null;
  sameFileElsewhere: { unitId: string; unitName: string }[];
}

type Row = {
  code: string;
  id: string;
  file_name: string | null;
  url: string | null;
  sha256: string | null;
  size: number | string | null;
  mime_type: string | null;
  doc_number: string | null;
  doc_date: string | null;
  summary: string | null;
  issuer: string | null;
  others: { unitId: string; unitName: string }[] | null;
};

export async function loadReviewEvidence(
  db: Db,
  assessmentId: string,
  unitId: string,
): Promise<Map<string, ReviewEvidence[]>> {
  const rows = rowsOf<Row>(
    await db.execute(sql`select ie.code, d.id, d.file_name, d.url, d.sha256, f.size, f.mime_type, d.doc_number, d.doc_date::text as doc_date, d.summary, d.issuer,
        (select jsonb_agg(distinct jsonb_build_object('unitId', d2.unit_id, 'unitName', ou.name)) from evidence_documents d2 join org_units ou on ou.id = d2.unit_id
          where d.sha256 is not null and d2.sha256 = d.sha256 and d2.unit_id <> ${unitId}::uuid) as others
      from item_evidence ie join evidence_documents d on d.id = ie.evidence_id left join stored_files f on f.sha256 = d.sha256
      where ie.assessment_id = ${assessmentId}::uuid order by ie.code, d.created_at`),
  );
  const out = new Map<string, ReviewEvidence[]>();
  for (const r of rows) {
    const list = out.get(r.code) ?? [];
    list.push({
      id: r.id,
      fileName: r.file_name,
      url: r.url,
      sha256: r.sha256,
      size: r.size === null ? null : Number(r.size),
      mimeType: r.mime_type,
      docNumber: r.doc_number,
      docDate: r.doc_date,
      summary: r.summary,
      issuer: r.issuer,
      sameFileElsewhere: r.others ?? [],
    });
    out.set(r.code, list);
  }
  return out;
}
