// Zod pieces shared by many routes. The server registers them (they also become the OpenAPI document);
// the web app and the portal import only the inferred types (`import type`, so zod stays out of their bundles).
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

/** JSON whose shape src/core owns (checked where it is written): documented by name, typed as core's type. */
export const opaque = <T>(description: string) => z.unknown().describe(description) as unknown as z.ZodType<T>;

/** A reference to a unit as most answers carry it. */
export const unitRefSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });

export type Paginated<T> = { items: T[]; total: number; page: number; pageSize: number };
export type ErrorBody = z.infer<typeof errorResponse>;
export type UnitRef = z.infer<typeof unitRefSchema>;
