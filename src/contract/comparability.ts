// Whether two years compare (src/core/results/comparability.ts, the one rule): a code and its parameters,
// shared by the dashboards and the public portal; the client writes the sentence (vi and en).
import { z } from 'zod';

export const notComparableReasonSchema = z.enum([
  'progress_round',
  'no_result',
  'not_submitted',
  'not_rankable',
  'different_index_set',
  'no_mapping',
  'ambiguous_mapping',
  'missing_in_previous',
  'no_applicable_max',
  'from_predecessors',
  'not_ranked',
  'index_set_changed',
  'different_group',
]);
export type NotComparableReasonCode = z.infer<typeof notComparableReasonSchema>;

export const comparabilityParamsSchema = z.object({
  side: z.enum(['current', 'previous']).optional(),
  currentUnits: z.number().optional(),
  previousUnits: z.number().optional(),
});
export type ComparabilityParamsDto = z.infer<typeof comparabilityParamsSchema>;

export const comparabilitySchema = z.object({
  comparable: z.boolean(),
  reason: notComparableReasonSchema.optional(),
  params: comparabilityParamsSchema.optional(),
});
export type ComparabilityDto = z.infer<typeof comparabilitySchema>;
