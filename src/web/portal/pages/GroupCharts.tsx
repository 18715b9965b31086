// The group's band distribution and its average percent per main indicator, as CSS bar lists.
import { bandRangeVi } from '../../../core/results/band-range-vi.ts';
import { formatNumberVi } from '../../../core/text/vietnamese.ts';
import { BarList } from '../components/BarList.tsx';
import { TONE_COLORS, bandTone, fmtPercent } from '../format.ts';
import type { GroupResults, PublicRules } from '../../../contract/public.ts';

export function GroupCharts({ results, bands }: { results: GroupResults; bands: PublicRules['bands'] }) {
  const total = results.distribution.reduce((s, d) => s + d.count, 0) + (results.notRankable ?? 0);
  const dist = results.distribution.map((d) => ({
    key: d.band.code,
    label: bandRangeVi(bands, d.band.code) ? `${d.band.label} (${bandRangeVi(bands, d.band.code)})` : d.band.label,
    value: d.count,
    display: `${formatNumberVi(d.count)}${total > 0 ? ` (${formatNumberVi((d.count / total) * 100, 1)}%)` : ''}`,
    color: TONE_COLORS[bandTone(d.band.label)],
  }));
  const averages = results.averages.map((a) => ({
    key: a.code,
    label: `${a.code}. ${a.title}`,
    value: a.averagePercent,
    display: fmtPercent(a.averagePercent),
    color: '#1565c0',
  }));
  // A progress report has no band distribution (000 Điều 7.2): only the averages.
  const report = results.publishedAs === 'progress_report';
  return (
    <div className="chart-grid">
      {!report && (
        <BarList
          bars={dist}
          max={Math.max(1, ...dist.map((d) => d.value))}
          caption="Phân bố xếp loại"
          testId="band-distribution"
        />
      )}
      <BarList
        bars={averages}
        max={100}
        caption="Tỷ lệ điểm trung bình theo chỉ số chính"
        testId="indicator-averages"
      />
    </div>
  );
}
