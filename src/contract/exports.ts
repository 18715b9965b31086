// Official outputs as jobs (POST /campaigns/{id}/exports, GET /jobs/{id}): the request and the job's answer,
// one source for the server's schemas and the staff app's types.
import { z } from 'zod';

/** The documents officials exchange: the ranking workbook, a unit's score sheet (xlsx/pdf), the decision's annex. */
export const EXPORT_KINDS = ['ranking_xlsx', 'scorecard_xlsx', 'scorecard_pdf', 'annex_docx'] as const;

export const exportBody = z.object({ kind: z.enum(EXPORT_KINDS), unitId: z.uuid().optional() });
export const exportStartedSchema = z.object({ jobId: z.string() });
export const exportJobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number(),
  result: z
    .object({ downloadUrl: z.string(), fileName: z.string(), size: z.number(), contentType: z.string() })
    .nullable(),
  error: z.string().nullable(),
});

export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportJob = z.infer<typeof exportJobSchema>;
