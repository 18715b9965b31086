// Zod pieces shared by many routes (they also become the OpenAPI document).
import { z } from 'zod';

export const idParams = z.object({ id: z.uuid({ message: 'Mã định danh không hợp lệ' }) });

export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const errorResponse = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .describe('Lỗi');

export function paginated<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
}

export const orgUnitSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  parentId: z.string().nullable(),
  activeFrom: z.string().nullable(),
  activeTo: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
  abilities: z.object({ update: z.boolean(), move: z.boolean(), deactivate: z.boolean(), createChild: z.boolean() }),
});
