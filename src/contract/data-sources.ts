// Data sources (issue 15 §3): other systems a DX office pulls figures from (the 766 index, a JSON/CSV
// endpoint), their runs with provenance, and the identifiers a run could not place. The token is write-only.
import { z } from 'zod';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s.normalize('NFC'));
const required = (max: number, message: string) =>
  z
    .string()
    .trim()
    .min(1, message)
    .max(max)
    .transform((s) => s.normalize('NFC'));

export const PROFILE_CODES = ['766', 'generic'] as const;
export const SCHEDULES = ['manual', 'daily', 'monthly'] as const;
export const PERIOD_KINDS = ['year', 'quarter', 'month'] as const;
export const RUN_STATUSES = ['queued', 'running', 'ok', 'partial', 'failed'] as const;

export const fieldMappingSchema = z.object({
  field: required(200, 'Cần tên trường dữ liệu'),
  itemCode: required(64, 'Cần mã chỉ số'),
  input: required(64, 'Cần tên số liệu của chỉ số'),
  label: text(200).optional(),
  min: z.number().nullish(),
  max: z.number().nullish(),
});

export const sourceBody = z.object({
  ownerUnitId: z.uuid(),
  name: required(200, 'Cần đặt tên nguồn dữ liệu'),
  owningSystem: required(200, 'Cần nêu hệ thống sở hữu dữ liệu'),
  profile: z.enum(PROFILE_CODES),
  method: z.enum(['GET', 'POST']).default('GET'),
  urlTemplate: required(2000, 'Cần địa chỉ nguồn dữ liệu'),
  bodyTemplate: z.string().max(10_000).nullish(),
  authHeader: z.string().trim().max(64).nullish(),
  /** Write-only: omitted keeps the saved token, null removes it. */
  authToken: z.string().max(4000).nullish(),
  schedule: z.enum(SCHEDULES).default('manual'),
  periodKind: z.enum(PERIOD_KINDS).default('month'),
  format: z.enum(['json', 'csv']).default('json'),
  recordsPath: z.string().trim().max(200).default(''),
  unitIdField: required(200, 'Cần trường mã đơn vị'),
  unitNameField: z.string().trim().max(200).nullish(),
  matchByCode: z.boolean().default(false),
  unitMapping: z.record(z.string().max(200), z.uuid().nullable()).default({}),
  fieldMapping: z.array(fieldMappingSchema).max(200).default([]),
  campaignId: z.uuid().nullish(),
  active: z.boolean().default(true),
});

export const sourceUpdateBody = sourceBody.omit({ ownerUnitId: true }).extend({ version: z.number().int() });

export const runBody = z.object({
  period: z.string().trim().max(10).optional(),
  campaignId: z.uuid().optional(),
});

export const unitMappingBody = z.object({
  entries: z
    .array(z.object({ sourceUnitId: required(200, 'Cần mã đơn vị của nguồn'), unitId: z.uuid().nullable() }))
    .min(1)
    .max(5000),
});

const reasonSchema = z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });

export const runSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  campaignId: z.string().nullable(),
  period: z.string(),
  trigger: z.enum(['manual', 'schedule']),
  status: z.enum(RUN_STATUSES),
  urls: z.array(z.string()),
  fetchedAt: z.string().nullable(),
  responseSha256: z.string().nullable(),
  responseBytes: z.number().nullable(),
  attempts: z.number(),
  reason: reasonSchema.nullable(),
  problems: z.array(reasonSchema),
  counts: z.record(z.string(), z.number()),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const sourceSchema = z.object({
  id: z.string(),
  ownerUnitId: z.string(),
  ownerName: z.string(),
  name: z.string(),
  owningSystem: z.string(),
  profile: z.enum(PROFILE_CODES),
  method: z.enum(['GET', 'POST']),
  urlTemplate: z.string(),
  bodyTemplate: z.string().nullable(),
  authHeader: z.string().nullable(),
  hasToken: z.boolean(),
  schedule: z.enum(SCHEDULES),
  periodKind: z.enum(PERIOD_KINDS),
  format: z.enum(['json', 'csv']),
  recordsPath: z.string(),
  unitIdField: z.string(),
  unitNameField: z.string().nullable(),
  matchByCode: z.boolean(),
  unitMapping: z.record(z.string(), z.string().nullable()),
  fieldMapping: z.array(
    z.object({
      field: z.string(),
      itemCode: z.string(),
      input: z.string(),
      label: z.string().optional(),
      min: z.number().nullable().optional(),
      max: z.number().nullable().optional(),
    }),
  ),
  campaignId: z.string().nullable(),
  campaignName: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastRun: runSchema.nullable(),
});

export const sourceListSchema = z.object({ items: z.array(sourceSchema) });
export const runListSchema = z.object({ items: z.array(runSchema) });
export const unknownIdentifiersSchema = z.object({
  runId: z.string().nullable(),
  items: z.array(z.object({ sourceUnitId: z.string(), sourceUnitName: z.string().nullable() })),
});

export const runValuesSchema = z.object({
  run: runSchema,
  items: z.array(
    z.object({
      sourceUnitId: z.string(),
      sourceUnitName: z.string().nullable(),
      unit: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
      /** false: the identifier was neither mapped nor ignored when the run read it. */
      known: z.boolean(),
      /** The record as the source sent it. */
      raw: z.unknown(),
    }),
  ),
});
export const runParams = z.object({ id: z.uuid(), runId: z.uuid() });

/** The ready profiles (core/data-sources/profiles.ts) as the form starts from them. */
export const profileSchema = z.object({
  code: z.enum(PROFILE_CODES),
  name: z.string(),
  owningSystem: z.string(),
  method: z.enum(['GET', 'POST']),
  urlTemplate: z.string(),
  bodyTemplate: z.string().nullable(),
  format: z.enum(['json', 'csv']),
  recordsPath: z.string(),
  unitIdField: z.string(),
  unitNameField: z.string().nullable(),
  periodKind: z.enum(PERIOD_KINDS),
  fields: z.array(z.object({ field: z.string(), label: z.string(), max: z.number() })),
});
export const profileListSchema = z.object({ items: z.array(profileSchema) });

export type DataSource = z.infer<typeof sourceSchema>;
export type DataSourceRun = z.infer<typeof runSchema>;
export type DataSourceBody = z.input<typeof sourceBody>;
export type DataSourceUpdateBody = z.input<typeof sourceUpdateBody>;
export type DataSourceProfile = z.infer<typeof profileSchema>;
export type UnknownIdentifiers = z.infer<typeof unknownIdentifiersSchema>;
export type FieldMappingInput = z.input<typeof fieldMappingSchema>;
