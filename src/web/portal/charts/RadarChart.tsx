// Radar of the unit's main indicators (percent of the applicable maximum) against the group average,
// hand-drawn SVG: measured, ECharts' radar alone adds ~150 KB gzipped and would push the page past its
// 200 KB budget. The figures are also given as a table below the chart.
import { fmtPercent } from '../format.ts';
import type { RadarPoint } from '../../../contract/public.ts';

const W = 360;
const H = 320;
const CX = W / 2;
const CY = H / 2;
const R = 110;
const UNIT = '#1565c0';
const AVG = '#e65100';

function point(i: number, n: number, value: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const r = (Math.max(0, Math.min(100, value)) / 100) * R;
  return [CX + r * Math.cos(angle), CY + r * Math.sin(angle)];
}

const polygon = (values: (number | null)[]) =>
  values
    .map((v, i) =>
      point(i, values.length, v ?? 0)
        .map((c) => c.toFixed(1))
        .join(','),
    )
    .join(' ');

export function RadarChart({ points, unitName }: { points: RadarPoint[]; unitName: string }) {
  const n = points.length;
  if (n < 3) return null;
  return (
    <figure className="chart" data-testid="radar-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="radar-title">
        <title id="radar-title">{`Biểu đồ radar: tỷ lệ điểm từng chỉ số chính của ${unitName} so với trung bình nhóm`}</title>
        {[25, 50, 75, 100].map((ring) => (
          <polygon key={ring} points={polygon(points.map(() => ring))} fill="none" stroke="#d0d7de" strokeWidth={1} />
        ))}
        {points.map((p, i) => {
          const [x, y] = point(i, n, 100);
          const [lx, ly] = point(i, n, 118);
          const anchor = Math.abs(lx - CX) < 8 ? 'middle' : lx > CX ? 'start' : 'end';
          return (
            <g key={p.code}>
              <line x1={CX} y1={CY} x2={x} y2={y} stroke="#d0d7de" />
              <text x={lx} y={ly + 4} textAnchor={anchor} fontSize={12} fill="#333">
                {p.code}
              </text>
            </g>
          );
        })}
        <polygon
          points={polygon(points.map((p) => p.groupAverage))}
          fill={AVG}
          fillOpacity={0.12}
          stroke={AVG}
          strokeWidth={2}
          strokeDasharray="5 4"
          data-testid="radar-average"
        />
        <polygon
          points={polygon(points.map((p) => p.percent))}
          fill={UNIT}
          fillOpacity={0.2}
          stroke={UNIT}
          strokeWidth={2}
          data-testid="radar-unit"
        />
      </svg>
      <figcaption className="legend">
        <span>
          <i style={{ background: UNIT }} />
          Đơn vị
        </span>
        <span>
          <i style={{ background: AVG }} />
          Trung bình nhóm
        </span>
        <span className="muted">Vòng ngoài cùng: 100%</span>
      </figcaption>
    </figure>
  );
}

export function RadarTable({ points }: { points: RadarPoint[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Số liệu biểu đồ radar">
      <table data-testid="radar-table">
        <caption>Tỷ lệ điểm theo chỉ số chính</caption>
        <thead>
          <tr>
            <th scope="col">Chỉ số chính</th>
            <th scope="col" className="num">
              Đơn vị
            </th>
            <th scope="col" className="num">
              Trung bình nhóm
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.code}>
              <th scope="row">
                {p.code}. {p.title}
              </th>
              <td className="num">{fmtPercent(p.percent)}</td>
              <td className="num">{fmtPercent(p.groupAverage)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
