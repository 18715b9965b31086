// Answers of the /org-units routes (request bodies stay in the routes: they reuse src/app's validators).
import { z } from 'zod';
import { unitRefSchema } from './common.ts';
import type { UnitType } from '../core/org/unit-types.ts';

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

const lineageRef = unitRefSchema.extend({
  effectiveDate: z.string(),
  /** merger | split | rename (core/org/lineage-rules.ts). */
  kind: z.string(),
  legalBasis: z.string().nullable(),
  legalBasisDate: z.string().nullable(),
  note: z.string().nullable(),
});

/** What recording a merger, split or rename answers: the rows written and the predecessors it ended. */
export const lineageChangeSchema = z.object({
  kind: z.string(),
  rows: z.array(z.object({ unitId: z.string(), predecessorId: z.string(), effectiveDate: z.string() })),
  ended: z.array(z.object({ id: z.string(), activeTo: z.string() })),
});
export type LineageChangeResult = z.infer<typeof lineageChangeSchema>;

/** What removing a lineage row answers: the published campaigns whose derived views used it (audited). */
export const lineageRemovalSchema = z.object({
  usedBy: z.array(z.object({ campaignId: z.string(), name: z.string(), year: z.number() })),
});
export type LineageRemoval = z.infer<typeof lineageRemovalSchema>;

export const orgUnitDetailSchema = orgUnitSchema.extend({
  path: z.array(unitRefSchema),
  lineage: z.object({ predecessors: z.array(lineageRef), successors: z.array(lineageRef) }),
  groups: z.array(unitRefSchema),
});

export const orgUnitListSchema = z.object({
  items: z.array(orgUnitSchema),
  abilities: z.object({ create: z.boolean() }),
});

/** The server sends the unit's type as a string; it is always one of core's unit types. */
export type OrgUnit = Omit<z.infer<typeof orgUnitSchema>, 'type'> & { type: UnitType };
export type OrgUnitDetail = Omit<z.infer<typeof orgUnitDetailSchema>, 'type'> & { type: UnitType };
export type OrgUnitList = Omit<z.infer<typeof orgUnitListSchema>, 'items'> & { items: OrgUnit[] };
