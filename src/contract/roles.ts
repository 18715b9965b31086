// GET /roles: the roles with their Vietnamese labels.
import { z } from 'zod';

export const roleInfoSchema = z.object({
  role: z.string(),
  label: z.string(),
  labelEn: z.string(),
  description: z.string(),
  appliesToSubtree: z.boolean(),
});
export const roleListSchema = z.object({ items: z.array(roleInfoSchema) });

export type RoleInfo = z.infer<typeof roleInfoSchema>;
