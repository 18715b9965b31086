// Requests and answers of the /org-units routes: one source for the server's schemas and the staff app's types.
import { z } from 'zod';
import { toNfc } from '../core/text/vietnamese.ts';
import { unitRefSchema } from './common.ts';
import { isoDateSchema, unitCodeSchema, unitNameSchema, unitTypeSchema } from './unit-fields.ts';
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

export const createUnitBody = z.object({
  code: unitCodeSchema,
  name: unitNameSchema,
  type: unitTypeSchema,
  parentId: z.uuid().nullable(),
  activeFrom: isoDateSchema.nullish(),
  activeTo: isoDateSchema.nullish(),
  /** A unit formed by a merger (issue 15 §2): its predecessors recorded with the creation. */
  formedFrom: z
    .object({
      unitIds: z.array(z.uuid()).min(1).max(50),
      effectiveDate: isoDateSchema,
      note: z.string().max(1000).optional(),
    })
    .optional(),
});
/** Optimistic concurrency: `version` is the row version the editor read. */
export const updateUnitBody = z.object({
  code: unitCodeSchema.optional(),
  name: unitNameSchema.optional(),
  type: unitTypeSchema.optional(),
  activeFrom: isoDateSchema.nullish(),
  activeTo: isoDateSchema.nullish(),
  version: z.number().int().positive(),
});
export const moveUnitBody = z.object({ parentId: z.uuid().nullable(), version: z.number().int().positive() });
export const deactivateUnitBody = z.object({
  activeTo: isoDateSchema.optional(),
  reason: z.string().trim().min(1, 'Cần nêu lý do').max(2000),
});

/** The legal basis every change of the unit map carries (core/org/lineage-rules.ts checks the rest). */
const lineageBasis = {
  effectiveDate: isoDateSchema,
  legalBasis: z
    .string()
    .transform(toNfc)
    .pipe(z.string().trim().min(1, 'Cần nêu căn cứ pháp lý (số văn bản)').max(300)),
  legalBasisDate: isoDateSchema,
  note: z.string().transform(toNfc).pipe(z.string().max(1000)).optional(),
};
const unitIds = (min: number) => z.array(z.uuid()).min(min).max(200);
export const mergerBody = z.object({ predecessorIds: unitIds(1), ...lineageBasis });
export const splitBody = z.object({ successorIds: unitIds(2), ...lineageBasis });
export const renameBody = z.object({ predecessorId: z.uuid(), ...lineageBasis });
export const removeLineageBody = z.object({ reason: z.string().trim().min(1, 'Cần nêu lý do').max(2000) });

export type CreateUnitBody = z.input<typeof createUnitBody>;
export type UpdateUnitBody = z.input<typeof updateUnitBody>;
export type LineageBasis = Omit<z.input<typeof mergerBody>, 'predecessorIds'>;
