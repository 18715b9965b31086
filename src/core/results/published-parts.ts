// A campaign is published part by part (000 Điều 9.3–9.4): the province publishes the groups it approved,
// each district the communes it approved. A signed snapshot holds the parts published so far; a group that
// is only partly published shows its band distribution over the units published, never over units whose
// authority has not yet published them (their bands would leak).
import type { BandDistribution } from './ranking.ts';

export function distributionOfPart(
  whole: BandDistribution,
  units: readonly { band: { code: string } | null }[],
): BandDistribution {
  const bands = whole.bands.map((b) => ({ ...b, count: units.filter((u) => u.band?.code === b.code).length }));
  const counted = bands.reduce((n, b) => n + b.count, 0);
  return { bands, notRankable: units.length - counted, total: units.length };
}
