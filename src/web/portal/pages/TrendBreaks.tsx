// Under the trend chart: each pair of consecutive years the chart does not join, with the reason
// (src/core/results/comparability.ts) — so a missing line reads as "không so sánh được", not as a gap.
import type { TrendPoint } from '../../../contract/public.ts';
import { notComparableVi } from '../comparison.ts';

export function TrendBreaks({ points }: { points: TrendPoint[] }) {
  const breaks = points.flatMap((p, i) =>
    i > 0 && p.withPrevious && !p.withPrevious.comparable ? [{ from: points[i - 1]!, to: p, c: p.withPrevious }] : [],
  );
  if (breaks.length === 0) return null;
  return (
    <ul className="note" data-testid="trend-breaks">
      {breaks.map((b) => (
        <li key={b.to.campaignId}>
          {b.from.year} → {b.to.year}: {notComparableVi(b.c)}.
        </li>
      ))}
    </ul>
  );
}
