// Requests and answers of the /users routes: one source for the server's schemas and the staff app's types.
import { z } from 'zod';
import { ROLES } from '../core/policy/roles.ts';
import { roleAssignmentSchema } from './auth.ts';
import { emailSchema, fullNameSchema, phoneSchema, usernameSchema } from './user-fields.ts';

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

/** A role on a unit (and, with `subtree`, on every unit below it). */
export const roleInputSchema = z.object({
  role: z.enum(ROLES, { message: 'Vai trò không hợp lệ' }),
  unitId: z.uuid({ message: 'Mã đơn vị không hợp lệ' }),
  subtree: z.boolean().default(false),
});
/** A new account with its roles (one operation). */
export const createUserBody = z.object({
  username: usernameSchema,
  fullName: fullNameSchema,
  email: emailSchema.nullish(),
  phone: phoneSchema.nullish(),
  password: z.string().max(200),
  active: z.boolean().optional(),
  roles: z.array(roleInputSchema).max(20, 'Tối đa 20 vai trò').default([]),
});
/** The fields to change; `version` is the row version the editor read. */
export const updateUserBody = z.object({
  username: usernameSchema.optional(),
  fullName: fullNameSchema.optional(),
  email: emailSchema.nullish(),
  phone: phoneSchema.nullish(),
  active: z.boolean().optional(),
  password: z.string().max(200).optional(),
  version: z.number().int().optional(),
});

export type RoleInput = z.input<typeof roleInputSchema>;
export type CreateUserInput = z.input<typeof createUserBody>;
export type UpdateUserInput = z.input<typeof updateUserBody>;
