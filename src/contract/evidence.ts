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

/** A document as a thread cites it (a request's reply, a supplement): enough to name it and open it. */
export const evidenceRefSchema = evidenceSchema.pick({
  id: true,
  fileName: true,
  url: true,
  sha256: true,
  docNumber: true,
  summary: true,
});

export const unitParams = z.object({ unitId: z.uuid({ message: 'Mã định danh không hợp lệ' }) });

export type Evidence = z.infer<typeof evidenceSchema>;
