// Answers of the evidence routes (the server registers them, the web app imports the inferred type).
import { z } from 'zod';

export const evidenceSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  fileName: z.string().nullable(),
  url: z.string().nullable(),
  sha256: z.string().nullable(),
  size: z.number().nullable(),
  mimeType: z.string().nullable(),
  docNumber: z.string().nullable(),
  docDate: z.string().nullable().describe('yyyy-mm-dd'),
  summary: z.string().nullable(),
  issuer: z.string().nullable(),
  uploadedBy: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  createdAt: z.string(),
  usedBy: z.array(z.object({ assessmentId: z.string(), code: z.string() })),
  abilities: z.object({ update: z.boolean(), delete: z.boolean(), download: z.boolean() }),
});

export const unitParams = z.object({ unitId: z.uuid({ message: 'Mã định danh không hợp lệ' }) });

export type Evidence = z.infer<typeof evidenceSchema>;
