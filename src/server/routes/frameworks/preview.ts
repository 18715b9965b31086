// POST /frameworks/score-preview: one item scored by the same engine as src/core (the form shows the
// explanation while a person types). POST /frameworks/validate: the report of a definition being
// edited, without saving it (schema problems first, then validateFramework).
import { z } from 'zod';
import {
  parseFrameworkDocument,
  scoreItem,
  scoringMethodSchema,
  validateFramework,
} from '../../../core/framework/index.ts';
import { schemaProblemsAsErrors } from '../../../exchange/frameworks/file-problem.ts';
import { normalizeDefinition } from '../../../exchange/frameworks/normalize-definition.ts';
import { OperationError } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { DEFINITION_BODY_LIMIT, definitionSchema, reportSchema } from '../../../contract/frameworks.ts';

const inputValue = z.union([z.number(), z.boolean(), z.string().max(200), z.null()]);

export function registerFrameworkPreview(app: App, _deps: ServerDeps) {
  app.post(
    '/frameworks/score-preview',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['frameworks'],
        summary: 'Tính thử điểm một tiêu chí',
        body: z.object({
          method: scoringMethodSchema,
          maxPoints: z.number().min(0).max(1_000_000),
          inputs: z.record(z.string().max(100), inputValue).default({}),
          info: z.record(z.string().max(100), z.number().nullable()).optional(),
        }),
        response: {
          200: z.object({
            points: z.number().nullable(),
            notApplicable: z.boolean(),
            explanation: z.object({ rule: z.string(), steps: z.array(z.string()) }),
            issues: z.array(z.object({ code: z.string(), message: z.string(), input: z.string().optional() })),
          }),
        },
      },
    },
    async (request) => {
      whoIs(request);
      const { method, maxPoints, inputs, info } = request.body;
      // Copy into null-prototype objects: keys such as "__proto__" stay plain data.
      const own = <T>(r: Record<string, T>) => Object.assign(Object.create(null) as Record<string, T>, r);
      return scoreItem({ maxPoints, method }, own(inputs), info ? own(info) : undefined);
    },
  );

  app.post(
    '/frameworks/validate',
    {
      config: { access: 'signed-in' },
      bodyLimit: DEFINITION_BODY_LIMIT,
      schema: {
        tags: ['frameworks'],
        summary: 'Kiểm tra một định nghĩa bộ chỉ số (không lưu)',
        body: z.object({ definition: definitionSchema }),
        response: { 200: reportSchema },
      },
    },
    async (request) => {
      whoIs(request);
      const parsed = parseFrameworkDocument(request.body.definition);
      // A tree past the size limits is not a definition being edited: refused (422), not reported.
      if (!parsed.ok && parsed.oversized)
        throw new OperationError('FRAMEWORK_INVALID', parsed.problems[0]!.message, {
          errors: schemaProblemsAsErrors(parsed.problems),
          warnings: [],
        });
      if (!parsed.ok) return { errors: schemaProblemsAsErrors(parsed.problems), warnings: [] };
      return validateFramework(normalizeDefinition(parsed.definition));
    },
  );
}
