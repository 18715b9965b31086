// Structural check of an untrusted framework document (JSON/YAML) before validateFramework. zod is pure,
// so it is allowed in core. Objects are strict: an unknown field (often a typo such as `maxpoints`) is
// reported rather than silently dropped. Messages are Vietnamese: our own for domain rules, zod's
// Vietnamese locale for the generic ones (passed per parse, no global configuration).
import { z } from 'zod';
import vi from 'zod/v4/locales/vi.js';
import { UNIT_TYPES } from '../org/unit-types.ts';
import { frameworkBoundsProblem } from './bounds.ts';
import type { FrameworkDefinition, FrameworkNode } from './types.ts';

const points = z.number({ error: 'Phải là một số.' }).refine(Number.isFinite, { error: 'Phải là số hữu hạn.' });
const nonEmpty = (what: string) =>
  z
    .string({ error: `${what} phải là chuỗi ký tự.` })
    .trim()
    .min(1, { error: `${what} không được để trống.` });

const share = {
  points: points.optional(),
  fraction: z
    .number({ error: 'Tỷ lệ phải là một số.' })
    .min(0, { error: 'Tỷ lệ không được âm.' })
    .max(1, { error: 'Tỷ lệ không được lớn hơn 1.' })
    .optional(),
};
const exactlyOneShare = (v: { points?: number | undefined; fraction?: number | undefined }) =>
  (v.points === undefined) !== (v.fraction === undefined);
const shareMessage = { error: 'Phải ghi đúng một trong hai: points (số điểm) hoặc fraction (tỷ lệ của điểm tối đa).' };

export const choiceOptionSchema = z
  .strictObject({ value: nonEmpty('Mã phương án (value)'), label: nonEmpty('Tên phương án (label)'), ...share })
  .refine(exactlyOneShare, shareMessage);

export const stepThresholdSchema = z.strictObject({ atLeast: points, ...share }).refine(exactlyOneShare, shareMessage);

const zeroRule = z.enum(['zero', 'not_applicable'], {
  error: 'Cách xử lý mẫu số bằng 0 phải là "zero" hoặc "not_applicable".',
});

export const scoringMethodSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('manual'), step: points.optional() }),
    z.strictObject({ kind: z.literal('yesno') }),
    z.strictObject({
      kind: z.literal('choice'),
      options: z.array(choiceOptionSchema).min(1, { error: 'Cần ít nhất một phương án.' }),
    }),
    z.strictObject({
      kind: z.literal('ratio'),
      numeratorLabel: z.string().optional(),
      denominatorLabel: z.string().optional(),
      cap: points.optional(),
      minRatio: points.optional(),
      zeroDenominator: zeroRule,
    }),
    z.strictObject({
      kind: z.literal('steps'),
      input: z.enum(['number', 'percent'], { error: 'Loại giá trị phải là "number" hoặc "percent".' }),
      valueLabel: z.string().optional(),
      thresholds: z.array(stepThresholdSchema).min(1, { error: 'Cần ít nhất một ngưỡng.' }),
      zeroDenominator: zeroRule.optional(),
    }),
    z.strictObject({
      kind: z.literal('formula'),
      expression: nonEmpty('Công thức'),
      inputs: z.array(
        z.strictObject({
          name: nonEmpty('Tên biến'),
          label: nonEmpty('Nhãn biến'),
          type: z.enum(['number', 'boolean'], { error: 'Kiểu biến phải là "number" hoặc "boolean".' }),
        }),
      ),
    }),
  ],
  { error: 'Phương pháp tính điểm (kind) phải là một trong: manual, yesno, choice, ratio, steps, formula.' },
);

export const frameworkNodeSchema: z.ZodType<FrameworkNode> = z.lazy(() =>
  z.strictObject({
    code: nonEmpty('Mã tiêu chí (code)'),
    title: nonEmpty('Tên tiêu chí (title)'),
    maxPoints: points.min(0, { error: 'Điểm tối đa không được âm.' }),
    method: scoringMethodSchema.optional(),
    guidance: z.string().optional(),
    evidence: z.string().optional(),
    dataSource: z.string().optional(),
    verifyingUnit: z.string().optional(),
    evidenceRequired: z.boolean().optional(),
    evidenceRule: z.enum(['required', 'evidence_or_explanation', 'none']).optional(),
    domain: z.string().optional(),
    notApplicableAllowed: z.boolean().optional(),
    automaticSource: z.string().max(300, { error: 'Tên nguồn đo tự động tối đa 300 ký tự.' }).optional(),
    children: z.array(frameworkNodeSchema).optional(),
  }),
);

const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'Ngày phải có dạng MM-DD (ví dụ 11-15).' });

export const rulesSchema = z.strictObject({
  bands: z.array(
    z.strictObject({ code: nonEmpty('Mã mức xếp loại'), label: nonEmpty('Tên mức xếp loại'), minPercent: points }),
  ),
  reportingPeriod: z.strictObject({ from: monthDay, to: monthDay }).optional(),
  selfAssessmentDeadline: monthDay.optional(),
  lateSubmission: z
    .strictObject({
      toleranceDays: z.number().int().min(0),
      penaltyPoints: points.min(0),
      beyondTolerance: z.enum(['lowest_band', 'refuse']),
    })
    .optional(),
  nonSubmission: z.enum(['lowest_band', 'zero']),
  notApplicable: z.enum(['reduce_max', 'replacement']),
  appraiser: z.enum(['council', 'parent_unit']),
  progressReportMonths: z.array(z.number().int().min(1).max(12)).optional(),
  rankBy: z.enum(['points', 'percent']).optional(),
  tieBreak: z.array(z.string()).optional(),
  resultScale: z.enum(['points', 'percent', 'index']).optional(),
  citations: z.array(z.string()).optional(),
  notes: z.string().optional(),
});

export const frameworkDefinitionSchema: z.ZodType<FrameworkDefinition> = z.strictObject({
  code: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'Mã bộ chỉ số chỉ gồm chữ thường không dấu, chữ số và dấu "-".' }),
  name: nonEmpty('Tên bộ chỉ số'),
  decision: z.strictObject({
    number: nonEmpty('Số quyết định'),
    date: z.iso.date({ error: 'Ngày quyết định phải có dạng yyyy-mm-dd.' }).optional(),
    issuer: nonEmpty('Cơ quan ban hành'),
    title: z.string().optional(),
    articles: z.string().optional(),
  }),
  appliesTo: z.strictObject({
    unitTypes: z
      .array(z.enum(UNIT_TYPES, { error: `Loại đơn vị phải là một trong: ${UNIT_TYPES.join(', ')}.` }))
      .min(1, { error: 'Cần ít nhất một loại đơn vị áp dụng.' }),
    groupName: z.string().optional(),
  }),
  description: z.string().optional(),
  declared: z
    .strictObject({
      mainIndicators: z.number().int().min(0).optional(),
      subIndicators: z.number().int().min(0).optional(),
      totalPoints: points.min(0).optional(),
    })
    .optional(),
  notes: z.string().optional(),
  illustrative: z.boolean().optional(),
  evidenceRule: z.enum(['required', 'evidence_or_explanation', 'none']).optional(),
  infoFields: z
    .array(
      z.strictObject({
        key: nonEmpty('Khóa trường thông tin'),
        label: nonEmpty('Nhãn trường thông tin'),
        unit: z.string().optional(),
      }),
    )
    .optional(),
  rules: rulesSchema.optional(),
  nodes: z.array(frameworkNodeSchema).min(1, { error: 'Bộ chỉ số cần ít nhất một tiêu chí.' }),
});

export interface SchemaProblem {
  /** Where in the document, e.g. "nodes[0].children[2].maxPoints". */
  path: string;
  message: string;
}

/** `oversized`: the tree passes the size limits (bounds.ts), so its shape was not even looked at. */
export type ParseDocumentResult =
  | { ok: true; definition: FrameworkDefinition }
  | { ok: false; problems: SchemaProblem[]; oversized?: true };

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

const viLocale = vi();

/** Checks the shape of an untrusted document; Vietnamese messages with the path of each problem. The
 *  tree's depth and size are checked first, without recursion: zod's recursive schema comes after. */
export function parseFrameworkDocument(doc: unknown): ParseDocumentResult {
  const oversized = frameworkBoundsProblem(doc);
  if (oversized) return { ok: false, problems: [oversized], oversized: true };
  const result = frameworkDefinitionSchema.safeParse(doc, { error: viLocale.localeError });
  if (result.success) return { ok: true, definition: result.data };
  return { ok: false, problems: result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}
