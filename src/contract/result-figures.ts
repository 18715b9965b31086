// The figures of one unit's result, as core/results/arithmetic.ts computes them, shared by every answer that
// shows a result (the staff results table, the unit's own card, the dashboards, the portal): one definition,
// spread into each schema, so a figure cannot be added to one screen's contract and forgotten in another's.
import { z } from 'zod';

/** Self total, final total, lateness penalty and the percent of the applicable max (points in hundredths). */
export const resultTotals = {
  selfTotal: z.number(),
  finalTotal: z.number(),
  penaltyPoints: z.number(),
  applicableMax: z.number(),
  percent: z.number().nullable(),
};

/** A progress round's comparison with another campaign (the previous round, or the annual result). */
export const comparedFiguresSchema = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  selfTotal: z.number(),
  finalTotal: z.number().nullable(),
  applicableMax: z.number(),
  delta: z.number(),
});

/** A progress round's figures (000 Điều 7.2: never ranked or classified): completion and the comparisons. */
export const progressFiguresSchema = z.object({
  completion: z.object({ complete: z.number(), applicable: z.number(), percent: z.number().nullable() }),
  selfPercent: z.number().nullable(),
  previous: comparedFiguresSchema.nullable().optional(),
  annual: comparedFiguresSchema.nullable().optional(),
});
