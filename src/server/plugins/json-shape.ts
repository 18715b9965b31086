// Every JSON body is measured before its route's schema sees it: at most 64 levels of nesting and
// 500,000 values. No form or API client of the platform comes near either (an index set of 5,000
// criteria is ~20 levels and ~100,000 values); a deeper or larger body is refused with 400 before
// zod — whose checks recurse — could spend seconds or overflow its stack on it. The walk is a loop.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { OperationError } from '../../app/errors.ts';

export const MAX_JSON_DEPTH = 64;
export const MAX_JSON_VALUES = 500_000;

/** 'depth' or 'values' when the parsed JSON passes a limit, else null. */
export function jsonShapeProblem(
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
  maxValues = MAX_JSON_VALUES,
): 'depth' | 'values' | null {
  if (value === null || typeof value !== 'object') return null;
  const stack: [object, number][] = [[value, 1]];
  let values = 1;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (depth > maxDepth) return 'depth';
    const children: unknown[] = Array.isArray(v) ? v : Object.values(v);
    values += children.length;
    if (values > maxValues) return 'values';
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return null;
}

export const jsonShapePlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const body = request.body;
    if (body === null || typeof body !== 'object' || Buffer.isBuffer(body)) return;
    const problem = jsonShapeProblem(body);
    if (problem === 'depth')
      throw new OperationError('VALIDATION_FAILED', `Dữ liệu JSON lồng nhau quá sâu (tối đa ${MAX_JSON_DEPTH} cấp).`);
    if (problem === 'values')
      throw new OperationError(
        'VALIDATION_FAILED',
        `Dữ liệu JSON có quá nhiều giá trị (tối đa ${MAX_JSON_VALUES.toLocaleString('vi-VN')}).`,
      );
  });
});
