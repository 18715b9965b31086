// Answers of the /unit-groups routes (the name rule of the bodies stays in the route: it folds to NFC).
import { z } from 'zod';
import { orgUnitSchema, type OrgUnit } from './org-units.ts';

export const unitGroupSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  memberCount: z.number(),
  abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
});

export const unitGroupListSchema = z.object({
  items: z.array(unitGroupSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  abilities: z.object({ create: z.boolean() }),
});
export const unitGroupDetailSchema = unitGroupSchema.extend({ members: z.array(orgUnitSchema) });

export type UnitGroup = z.infer<typeof unitGroupSchema>;
export type UnitGroupList = z.infer<typeof unitGroupListSchema>;
export type UnitGroupDetail = Omit<z.infer<typeof unitGroupDetailSchema>, 'members'> & { members: OrgUnit[] };
