// The unit's percent over the years (every published campaign it took part in), hand-drawn SVG line with
// the band of each year written under its point; the figures are in the table next to it.
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
  const known = points.map((p, i) => ({ p, i })).filter(({ p }) => p.percent !== null);
  const path = known
    .map(({ p, i }, k) => `${k === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.percent!).toFixed(1)}`)
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
        <path d={path} fill="none" stroke="#1565c0" strokeWidth={2} />
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
