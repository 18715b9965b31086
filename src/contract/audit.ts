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
  /** The unit's name (unitId stays for filtering). */
  unitName: z.string().nullable(),
  /** Names of what before and after refer to by id (units, accounts, councils, documents…): id → name. */
  names: z.record(z.string(), z.string()),
  /**
   * The index set's words for what an entry about an assessment records by key: input:a → the item's
   * numerator, choice:x → an option's label, info:population → an information field's label.
   */
  fields: z.record(z.string(), z.string()),
  /** What the entry is about, in names: the client words "Xã Cẩm Bình — chỉ số 1.2 (Kỳ đánh giá …)". */
  object: z.object({
    name: z.string().nullable(),
    itemCode: z.string().nullable(),
    campaignName: z.string().nullable(),
    link: z
      .object({
        kind: z.enum(['assessment', 'campaign', 'user', 'org_unit', 'framework', 'unit_group']),
        id: z.string(),
      })
      .nullable(),
  }),
});
export const auditPageSchema = paginated(auditEntrySchema);

export type AuditEntry = z.infer<typeof auditEntrySchema>;
