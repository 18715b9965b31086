// Years before a merged unit was formed: its figure derived from its predecessors' published results
// (issue 15 §2). Always labelled as derived, with the method named and every predecessor listed (linked to
// its own page for that year), so it is never read as a result the unit itself published.
import { Link } from '../Link.tsx';
import { fmtPercent, unitPath } from '../format.ts';
import type { DerivedTrendPoint } from '../../../contract/public.ts';
import { notComparableVi } from '../comparison.ts';

const SOURCE: Record<DerivedTrendPoint['predecessors'][number]['source'], string> = {
  result: 'kết quả đã công bố',
  derived: 'suy ra từ các đơn vị tiền thân của nó',
  missing: 'không có số liệu, không tính',
};

export function DerivedTrend({ points }: { points: DerivedTrendPoint[] }) {
  if (points.length === 0) return null;
  return (
    <section aria-labelledby="derived-h" data-testid="derived-trend">
      <h2 id="derived-h">Trước khi hình thành (số liệu suy ra từ các đơn vị tiền thân)</h2>
      {points.map((d) => (
        <div key={d.campaignId} className="note" data-testid="derived-point">
          <p>
            <strong>Năm {d.year}</strong>: <span data-testid="derived-percent">{fmtPercent(d.percent)}</span> — không
            phải kết quả đã công bố của đơn vị này. Cách tính: <span data-testid="derived-method">{d.methodLabel}</span>{' '}
            ({d.predecessorsCounted}/{d.predecessorsTotal} đơn vị có số liệu).{' '}
            <span data-testid="derived-comparison">
              {d.comparison.comparable
                ? 'So sánh được với tỷ lệ chung của đơn vị sau khi hình thành.'
                : `${notComparableVi(d.comparison)}.`}
            </span>
          </p>
          <ul>
            {d.predecessors.map((p) => (
              <li key={`${p.via ?? ''}:${p.id}`} data-testid="derived-predecessor">
                {p.via ? '↳ ' : ''}
                {p.source === 'result' ? <Link href={unitPath(p.id, d.campaignId)}>{p.name}</Link> : p.name}:{' '}
                {fmtPercent(p.percent)} ({SOURCE[p.source]})
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
