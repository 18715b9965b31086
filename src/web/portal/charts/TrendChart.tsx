// The unit's percent over the years (every published campaign it took part in), hand-drawn SVG with the
// band of each year written under its point; the figures are in the table next to it. Two points are
// joined by a line only when the comparability rule says they compare (`withPrevious`, src/core/results/
// comparability.ts); the page says why the others are not.
import { formatNumberVi } from '../../../core/text/vietnamese.ts';
import type { TrendPoint } from '../../../contract/public.ts';

const W = 360;
const H = 200;
const L = 36;
const RIGHT = 16;
const TOP = 16;
const B = 40;

export function TrendChart({ points }: { points: TrendPoint[] }) {
  if (points.length === 0) return null;
  const n = points.length;
  const x = (i: number) => (n === 1 ? (L + W - RIGHT) / 2 : L + ((W - L - RIGHT) * i) / (n - 1));
  const y = (v: number) => TOP + (H - TOP - B) * (1 - Math.max(0, Math.min(100, v)) / 100);
  const path = points
    .flatMap((p, i) => {
      const before = i > 0 ? points[i - 1]! : null;
      if (!before || before.percent === null || p.percent === null || !p.withPrevious?.comparable) return [];
      return [`M${x(i - 1).toFixed(1)},${y(before.percent).toFixed(1)} L${x(i).toFixed(1)},${y(p.percent).toFixed(1)}`];
    })
    .join(' ');
  return (
    <figure className="chart" data-testid="trend-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="trend-title">
        <title id="trend-title">Biểu đồ tỷ lệ điểm qua các năm</title>
        {[0, 50, 100].map((g) => (
          <g key={g}>
            <line x1={L} x2={W - RIGHT} y1={y(g)} y2={y(g)} stroke="#e1e4e8" />
            <text x={L - 6} y={y(g) + 4} textAnchor="end" fontSize={10} fill="#666">
              {g}%
            </text>
          </g>
        ))}
        {path && <path d={path} fill="none" stroke="#1565c0" strokeWidth={2} data-testid="trend-line" />}
        {points.map((p, i) => (
          <g key={p.campaignId}>
            {p.percent !== null && (
              <circle cx={x(i)} cy={y(p.percent)} r={p.selected ? 5 : 3.5} fill={p.selected ? '#0d47a1' : '#1565c0'} />
            )}
            {p.percent !== null && (
              <text x={x(i)} y={y(p.percent) - 9} textAnchor="middle" fontSize={11} fill="#222">
                {formatNumberVi(p.percent, 1)}
              </text>
            )}
            <text
              x={x(i)}
              y={H - B + 16}
              textAnchor="middle"
              fontSize={12}
              fontWeight={p.selected ? 700 : 400}
              fill="#222"
            >
              {p.year}
            </text>
            <text x={x(i)} y={H - B + 31} textAnchor="middle" fontSize={10} fill="#555">
              {p.band?.label ?? ''}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
