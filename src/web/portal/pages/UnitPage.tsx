// /cong-khai/don-vi/:unitId?ky=<campaignId> — a unit's public page: final total, percent, band, rank,
// radar of the main indicators against the group average, trend over the years, strengths and weaknesses.
import { formatScaledVi, scaleLabelVi, scaledValue } from '../../../core/results/scale.ts';
import { formatNumberVi } from '../../../core/text/vietnamese.ts';
import { useResource } from '../api.ts';
import { Link } from '../Link.tsx';
import { BandBadge } from '../components/BandBadge.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { RadarChart, RadarTable } from '../charts/RadarChart.tsx';
import { TrendChart } from '../charts/TrendChart.tsx';
import { campaignPath, fmtPercent, fmtPoints, unitPath } from '../format.ts';
import type { UnitPublicPage } from '../../../contract/public.ts';
import { useTitle } from '../useTitle.ts';
import { DerivedTrend } from './DerivedTrend.tsx';
import { TrendBreaks } from './TrendBreaks.tsx';
import { GapList } from './GapList.tsx';

export default function UnitPage({ unitId, campaignId }: { unitId: string; campaignId: string | null }) {
  const res = useResource<UnitPublicPage>(
    `/units/${encodeURIComponent(unitId)}${campaignId ? `?campaignId=${encodeURIComponent(campaignId)}` : ''}`,
  );
  useTitle(res.data ? `${res.data.unit.name} — ${res.data.campaign.name}` : 'Kết quả của đơn vị');
  if (res.loading) return <Loading />;
  if (res.error || !res.data) return <ErrorBox message={res.error?.message ?? 'Không tìm thấy đơn vị.'} />;
  const p = res.data;
  const r = p.result;
  // A progress report (000 Điều 7.2): completion and points reported, never a band or a rank.
  const report = r.publishedAs === 'progress_report';
  return (
    <div data-testid="portal-unit-page">
      <p className="crumbs">
        <Link href="/cong-khai">Các kỳ đánh giá</Link> ›{' '}
        <Link href={campaignPath(p.campaign.id, p.group.id)}>
          {p.campaign.name} — {p.group.name}
        </Link>
      </p>
      <h1 data-testid="portal-unit-name">{p.unit.name}</h1>
      <p className="muted">
        {p.campaign.name} · {p.group.name}
        {report ? ' · Báo cáo tiến độ (không xếp loại, không xếp hạng)' : ''}
      </p>
      <dl className="figures">
        {r.resultScale === 'index' && (
          <div>
            <dt>{scaleLabelVi('index')}</dt>
            <dd data-testid="unit-index">{formatScaledVi('index', scaledValue('index', r))}</dd>
          </div>
        )}
        <div>
          <dt>Tổng điểm</dt>
          <dd data-testid="unit-total">
            {fmtPoints(r.finalTotal)} / {fmtPoints(r.applicableMax)}
          </dd>
        </div>
        <div>
          <dt>Tỷ lệ</dt>
          <dd data-testid="unit-percent">{fmtPercent(r.percent)}</dd>
        </div>
        {report ? (
          <>
            <div>
              <dt>Mức độ hoàn thành</dt>
              <dd data-testid="unit-completion">
                {r.progress ? `${r.progress.completion.complete}/${r.progress.completion.applicable} chỉ tiêu` : '—'}
              </dd>
            </div>
            <div>
              <dt>Điểm tự chấm</dt>
              <dd>{fmtPoints(r.selfTotal)}</dd>
            </div>
          </>
        ) : (
          <>
            <div>
              <dt>Xếp loại</dt>
              <dd>
                <BandBadge band={r.band} />
              </dd>
            </div>
            <div>
              <dt>Xếp hạng trong nhóm</dt>
              <dd data-testid="unit-rank">
                {r.rank === null ? '—' : `${r.rank} / ${formatNumberVi(p.group.unitCount)}`}
              </dd>
            </div>
          </>
        )}
      </dl>
      {r.penaltyPoints > 0 && <p className="note">Đã trừ {fmtPoints(r.penaltyPoints)} điểm do nộp báo cáo muộn.</p>}
      {r.lowestBandReason && (
        <p className="note">
          Xếp loại thấp nhất theo quy định:{' '}
          {r.lowestBandReason === 'not_submitted' ? 'không nộp báo cáo tự đánh giá' : 'nộp báo cáo quá hạn cho phép'}.
        </p>
      )}

      <section aria-labelledby="radar-h">
        <h2 id="radar-h">Các chỉ số chính so với trung bình nhóm</h2>
        <div className="chart-grid">
          <RadarChart points={p.radar} unitName={p.unit.name} />
          <RadarTable points={p.radar} />
        </div>
      </section>

      <div className="chart-grid">
        <GapList
          title="Điểm mạnh"
          testId="unit-strengths"
          gaps={p.strengths}
          empty="Không có chỉ số chính nào cao hơn trung bình nhóm."
        />
        <GapList
          title="Điểm cần cải thiện"
          testId="unit-weaknesses"
          gaps={p.weaknesses}
          empty="Không có chỉ số chính nào thấp hơn trung bình nhóm."
        />
      </div>

      <section aria-labelledby="trend-h">
        <h2 id="trend-h">Qua các năm</h2>
        <div className="chart-grid">
          <div>
            <TrendChart points={p.trend} />
            <TrendBreaks points={p.trend} />
          </div>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Kết quả qua các năm">
            <table data-testid="trend-table">
              <caption>Kết quả qua các kỳ đánh giá đã công bố</caption>
              <thead>
                <tr>
                  <th scope="col">Năm</th>
                  <th scope="col" className="num">
                    Tỷ lệ
                  </th>
                  <th scope="col">Xếp loại</th>
                  <th scope="col" className="num">
                    Hạng
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.trend.map((t) => (
                  <tr key={t.campaignId} aria-current={t.selected ? 'true' : undefined}>
                    <th scope="row">
                      {t.selected ? t.year : <Link href={unitPath(p.unit.id, t.campaignId)}>{t.year}</Link>}
                    </th>
                    <td className="num">{fmtPercent(t.percent)}</td>
                    <td>
                      <BandBadge band={t.band} />
                    </td>
                    <td className="num">{t.rank === null ? '—' : `${t.rank}/${t.unitsInGroup}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </section>
      <DerivedTrend points={p.derivedTrend ?? []} />
    </div>
  );
}
