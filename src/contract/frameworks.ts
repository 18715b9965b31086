// The index-set routes' answers (the server registers them, the web app imports the inferred types). Definitions are validated by
// the engine's own schema inside the operations (Vietnamese problems with paths), so request bodies take
// them as unknown here rather than failing early with generic messages.
import { z } from 'zod';
import type { FrameworkDefinition, FrameworkStatus } from '../core/framework/index.ts';
import type { UnitType } from '../core/org/unit-types.ts';
import { opaque } from './common.ts';

export const frameworkStatusSchema = z.enum(['draft', 'published', 'archived']);

export const frameworkSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number(),
  name: z.string(),
  status: frameworkStatusSchema,
  decision: z.object({ number: z.string(), date: z.string().nullable(), issuer: z.string() }),
  appliesTo: z.object({ unitTypes: z.array(z.string()), groupName: z.string().nullable() }),
  illustrative: z.boolean(),
  /** The unit that issued the set (its DX office, and those above it, write the set). */
  ownerUnit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  /** Campaigns still running on this version (shown to those who may write the set): it cannot be archived. */
  inUseBy: z.array(z.object({ id: z.string(), name: z.string() })),
  declared: z.object({
    mainIndicators: z.number().nullable(),
    subIndicators: z.number().nullable(),
    totalPoints: z.number().nullable(),
  }),
  totalPoints: z.number(),
  mainIndicators: z.number(),
  subIndicators: z.number(),
  leafCount: z.number(),
  basedOnId: z.string().nullable(),
  /** Row version for optimistic concurrency (send it back as `version` in PUT). */
  rowVersion: z.number(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
  abilities: z.object({
    update: z.boolean(),
    publish: z.boolean(),
    archive: z.boolean(),
    createVersion: z.boolean(),
    delete: z.boolean(),
    confirmMapping: z.boolean(),
  }),
});

/** A problem's parameters: the staff app words its code with them (issue 14 §6). */
const problemParams = z.record(z.string(), z.union([z.string(), z.number()])).optional();

export const problemSchema = z.object({
  code: z.string(),
  nodeCode: z.string().optional(),
  path: z.string().optional(),
  params: problemParams,
  message: z.string(),
});
export const reportSchema = z.object({ errors: z.array(problemSchema), warnings: z.array(problemSchema) });

export const fileProblemSchema = z.object({
  sheet: z.string().optional(),
  row: z.number().optional(),
  code: z.string().optional(),
  rule: z.string().optional(),
  params: problemParams,
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

/** A definition as plain JSON (shape checked by the engine's schema in the operation). */
export const definitionSchema = opaque<FrameworkDefinition>('FrameworkDefinition (src/core/framework/types.ts)');

/** Definitions of 5,000 nodes exceed the app-wide 2 MB body limit. */
export const DEFINITION_BODY_LIMIT = 16 * 1024 * 1024;

export const frameworkListSchema = z.object({
  items: z.array(frameworkSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  abilities: z.object({ create: z.boolean() }),
});
export const frameworkDetailSchema = frameworkSummarySchema.extend({
  definition: definitionSchema,
  validation: reportSchema,
});

type Wire = z.infer<typeof frameworkSummarySchema>;
/** `appliesTo.unitTypes` is sent as strings; they are always core's unit types. */
export type FrameworkSummary = Omit<Wire, 'status' | 'appliesTo'> & {
  status: FrameworkStatus;
  appliesTo: { unitTypes: UnitType[]; groupName: string | null };
};
export type FrameworkDetail = FrameworkSummary & {
  definition: FrameworkDefinition;
  validation: z.infer<typeof reportSchema>;
};
export type FrameworkList = Omit<z.infer<typeof frameworkListSchema>, 'items'> & { items: FrameworkSummary[] };
/** One row of a rejected import (422 FRAMEWORK_INVALID details.problems). */
export type FrameworkImportProblem = z.infer<typeof fileProblemSchema>;

/** A pair of codes of two versions of an index set (old → new), as a person confirmed it. */
export const mappingPairSchema = z.object({ fromCode: z.string().min(1).max(100), toCode: z.string().min(1).max(100) });
const mappingCandidate = z.object({
  code: z.string(),
  title: z.string(),
  confidence: z.number(),
  sameCode: z.boolean(),
  titleSimilarity: z.number(),
});
/** core/framework/mapping.ts's MappingProposal: each old node's match (or none, with its best candidate). */
export const mappingProposalSchema = z.object({
  mappings: z.array(
    z.object({
      fromCode: z.string(),
      fromTitle: z.string(),
      to: mappingCandidate.nullable(),
      bestCandidate: mappingCandidate.nullable(),
    }),
  ),
  unmappedNew: z.array(z.string()),
  threshold: z.number(),
});
/** GET/PUT /frameworks/{id}/mapping: the proposal, and the confirmed mapping if a person confirmed one. */
export const mappingResponseSchema = z.object({
  proposal: mappingProposalSchema,
  confirmed: z.array(mappingPairSchema).nullable(),
  confirmedAt: z.string().nullable(),
});
export const confirmMappingBody = z.object({ pairs: z.array(mappingPairSchema).max(20000) });
export type MappingResponse = z.infer<typeof mappingResponseSchema>;
