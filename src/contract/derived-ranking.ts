// The derived ranking of a published group (issue 15 §2, "Xếp hạng quy đổi theo đơn vị hiện nay"): the
// public portal's GET /api/public/v1/campaigns/{id}/groups/{groupId}/derived-ranking and the staff's
// GET /api/v1/campaigns/{id}/derived-ranking answer with it (app/publication/derived-ranking.ts).
import { z } from 'zod';

const ref = z.object({ id: z.string(), code: z.string(), name: z.string() });
const band = z.object({ code: z.string(), label: z.string() });

export const derivedRankingSchema = z.object({
  derived: z.literal(true),
  campaign: z.object({ id: z.string(), name: z.string(), year: z.number() }),
  group: z.object({ id: z.string(), name: z.string() }),
  /** The viewer's date (yyyy-mm-dd): the lineage in force and the units active that day. */
  asOf: z.string(),
  /** equal | weighted_population | weighted_max (core/results/lineage-average.ts). */
  method: z.string(),
  methodLabel: z.string(),
  /** Whether the group is on a former structure: some of its units no longer active on `asOf` (merged, split or ended). */
  differs: z.boolean(),
  rows: z.array(
    z.object({
      unit: ref,
      rank: z.number().nullable(),
      sharedBy: z.number(),
      percent: z.number().nullable(),
      band: band.nullable(),
      ownResult: z.boolean(),
      counted: z.number(),
      total: z.number(),
      predecessors: z.array(
        z.object({
          unit: ref,
          percent: z.number().nullable(),
          /** result: its published percent; derived: from its own predecessors; missing: no data. */
          source: z.enum(['result', 'derived', 'missing']),
          /** The unit (id) this one stands in for, in a chain of mergers. */
          via: z.string().nullable(),
        }),
      ),
    }),
  ),
  distribution: z.object({
    bands: z.array(band.extend({ count: z.number() })),
    noData: z.number(),
    total: z.number(),
  }),
  lineage: z.array(
    z.object({
      unit: ref,
      predecessor: ref,
      effectiveDate: z.string(),
      kind: z.string(),
      legalBasis: z.string().nullable(),
      legalBasisDate: z.string().nullable(),
    }),
  ),
});
export type DerivedRankingView = z.infer<typeof derivedRankingSchema>;

export const derivedRankingListSchema = z.object({ groups: z.array(derivedRankingSchema) });
export type DerivedRankingList = z.infer<typeof derivedRankingListSchema>;

export const derivedRankingQuery = z.object({
  asOf: z.iso.date({ message: 'Ngày phải có dạng yyyy-mm-dd' }).optional(),
});
