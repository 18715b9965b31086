// A progress round made public: a progress report (Báo cáo tiến độ, 000 Điều 7.2 — "chỉ đánh giá mức độ
// thực hiện, không đánh giá xếp loại"), not a ranking: per unit its completion, the points it reported,
// the previous round and the annual result. No rank, no band, no penalty column.
import { useState } from 'react';
import { Link } from '../Link.tsx';
import { fmtPoints, unitPath } from '../format.ts';
import type { PublicProgressFigures, RankingRow } from '../../../contract/public.ts';

const PAGE = 50;

type Compared = PublicProgressFigures['previous'];

function versus(f: Compared) {
  if (!f) return '—';
  const sign = f.delta > 0 ? '+' : f.delta < 0 ? '−' : '';
  return `${fmtPoints(f.finalTotal ?? f.selfTotal)} (${sign}${fmtPoints(Math.abs(f.delta))})`;
}

function submission(r: RankingRow): string {
  if (r.timing === 'not_submitted') return 'Không nộp';
  if (r.timing === 'on_time') return 'Đúng hạn';
  return `Nộp muộn${r.daysLate ? ` ${r.daysLate} ngày` : ''}`;
}

export function ProgressTable({
  rows,
  campaignId,
  caption,
}: {
  rows: RankingRow[];
  campaignId: string;
  caption: string;
}) {
  const [shown, setShown] = useState(PAGE);
  const visible = rows.slice(0, shown);
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table className="ranking" data-testid="progress-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Đơn vị</th>
              <th scope="col" className="num">
                Mức độ hoàn thành
              </th>
              <th scope="col" className="num">
                Điểm tự chấm
              </th>
              <th scope="col" className="num hide-phone">
                Kỳ trước
              </th>
              <th scope="col" className="num hide-phone">
                Kết quả năm
              </th>
              <th scope="col">Tình trạng nộp</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => (
              <tr key={r.unit.id} data-testid="progress-row" data-unit={r.unit.code}>
                <th scope="row">
                  <Link href={unitPath(r.unit.id, campaignId)}>{r.unit.name}</Link>
                </th>
                <td className="num">
                  {r.progress ? `${r.progress.completion.complete}/${r.progress.completion.applicable} chỉ tiêu` : '—'}
                </td>
                <td className="num">{fmtPoints(r.selfTotal)}</td>
                <td className="num hide-phone">{versus(r.progress?.previous)}</td>
                <td className="num hide-phone">{versus(r.progress?.annual)}</td>
                <td>{submission(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown && (
        <button type="button" className="more" onClick={() => setShown((n) => n + PAGE)}>
          Xem thêm ({rows.length - shown} đơn vị)
        </button>
      )}
    </>
  );
}
