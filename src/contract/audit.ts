// GET /audit: one entry of the hash-chained log.
import { z } from 'zod';
import { paginated } from './common.ts';

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  unitId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});
export const auditPageSchema = paginated(auditEntrySchema);

export type AuditEntry = z.infer<typeof auditEntrySchema>;
