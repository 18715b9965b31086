// Who is signed in: the answer of POST /auth/login, GET /auth/me and the role switch.
import { z } from 'zod';

export const roleAssignmentSchema = z.object({
  id: z.string(),
  role: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  subtree: z.boolean(),
});

export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  roles: z.array(roleAssignmentSchema),
  abilities: z.object({
    manageUnits: z.boolean(),
    manageGroups: z.boolean(),
    manageUsers: z.boolean(),
    viewAudit: z.boolean(),
    manageFrameworks: z.boolean(),
    manageCampaigns: z.boolean(),
  }),
  csrfToken: z.string(),
});

export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;
export type Me = z.infer<typeof meSchema>;
export type GlobalAbilities = Me['abilities'];
