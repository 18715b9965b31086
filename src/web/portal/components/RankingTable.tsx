// The group's ranking as an accessible table (caption, column headers, row headers); long lists are
// shown 50 rows at a time so a phone does not render thousands of rows at once.
import { useState } from 'react';
import { submissionNeedsMention, submissionStatusVi } from '../../../core/campaign/submission-status.ts';
import { Link } from '../Link.tsx';
import { fmtPercent, fmtPoints, unitPath } from '../format.ts';
import type { RankingRow } from '../../../contract/public.ts';
import { BandBadge } from './BandBadge.tsx';
import { sharedRanks } from '../../../core/results/ties.ts';
import { type ResultScale, formatScaledVi, scaleLabelVi, scaledValue } from '../../../core/results/scale.ts';

const PAGE = 50;

/**
 * `scale` (issue 15 §4): on 'percent' or 'index' the headline column is that figure and the points move out
 * of a phone's view; on 'points' the table is points, max and percent as the decisions publish it.
 */
export function RankingTable({
  rows,
  campaignId,
  caption,
  scale = 'points',
}: {
  rows: RankingRow[];
  campaignId: string;
  caption: string;
  scale?: ResultScale;
}) {
  const headline = scale !== 'points';
  const [shown, setShown] = useState(PAGE);
  const visible = rows.slice(0, shown);
  const anyPenalty = rows.some((r) => r.penaltyPoints > 0);
  const tied = sharedRanks(rows.map((r) => r.rank));
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table className="ranking" data-testid="ranking-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Hạng
              </th>
              <th scope="col">Đơn vị</th>
              {headline && (
                <th scope="col" className="num" data-testid="ranking-headline">
                  {scaleLabelVi(scale)}
                </th>
              )}
              <th scope="col" className={headline ? 'num hide-phone' : 'num'}>
                Điểm
              </th>
              {anyPenalty && (
                <th scope="col" className="num">
                  Điểm trừ
                </th>
              )}
              <th scope="col" className="num hide-phone">
                Tối đa
              </th>
              {scale === 'points' && (
                <th scope="col" className="num">
                  Tỷ lệ
                </th>
              )}
              <th scope="col">Xếp loại</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => (
              <tr key={r.unit.id} data-testid="ranking-row" data-unit={r.unit.code}>
                <td className="num">
                  {r.rank ?? '—'}
                  {r.rank !== null && tied.has(r.rank) && (
                    <span className="tie-note" data-testid="ranking-tie">
                      đồng hạng
                    </span>
                  )}
                </td>
                <th scope="row">
                  <Link href={unitPath(r.unit.id, campaignId)} data-testid="ranking-unit-link">
                    {r.unit.name}
                  </Link>
                  {r.timing && submissionNeedsMention({ timing: r.timing }) && (
                    <span className="submission-note" data-testid="ranking-submission">
                      {submissionStatusVi({
                        timing: r.timing,
                        daysLate: r.daysLate ?? null,
                        penaltyPoints: r.penaltyPoints,
                      })}
                    </span>
                  )}
                </th>
                {headline && <td className="num">{formatScaledVi(scale, scaledValue(scale, r))}</td>}
                <td className={headline ? 'num hide-phone' : 'num'}>{fmtPoints(r.finalTotal)}</td>
                {anyPenalty && <td className="num">{r.penaltyPoints > 0 ? `−${fmtPoints(r.penaltyPoints)}` : ''}</td>}
                <td className="num hide-phone">{fmtPoints(r.applicableMax)}</td>
                {scale === 'points' && <td className="num">{fmtPercent(r.percent)}</td>}
                <td>
                  <BandBadge band={r.band} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown && (
        <button type="button" className="more" onClick={() => setShown((n) => n + PAGE)} data-testid="ranking-more">
          Xem thêm ({rows.length - shown} đơn vị)
        </button>
      )}
    </>
  );
}
