// Answers of the /users routes (request bodies stay in the route: they reuse src/app's validators).
import { z } from 'zod';
import { roleAssignmentSchema } from './auth.ts';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
  roles: z.array(roleAssignmentSchema),
  abilities: z.object({ update: z.boolean(), assignRoles: z.boolean(), deactivate: z.boolean() }),
});

export const userListSchema = z.object({
  items: z.array(userSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  abilities: z.object({ create: z.boolean() }),
});

export type User = z.infer<typeof userSchema>;
export type UserList = z.infer<typeof userListSchema>;
