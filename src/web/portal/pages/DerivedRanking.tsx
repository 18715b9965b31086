// "Xếp hạng quy đổi theo đơn vị hiện nay" (issue 15 §2): a group published on a former structure, ranked as
// today's units — each the average of its predecessors' published percents. Always labelled as derived,
// with the method, the band rule, the lineage used (legal basis, effective date) and, per row, the
// predecessors; a unit without data is listed and not ranked. The signed publication is not changed.
import { useMemo, useState } from 'react';
import { formatDateVi, matchesSearch } from '../../../core/text/vietnamese.ts';
import type { DerivedRankingView } from '../../../contract/derived-ranking.ts';
import { useResource } from '../api.ts';
import { BandBadge } from '../components/BandBadge.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { fmtPercent } from '../format.ts';

const PAGE = 50;

/** The lineage used, by legal basis and effective date: "Nghị quyết 1665/NQ-UBTVQH15 (hiệu lực 01/07/2025): 212". */
function lineageSummary(d: DerivedRankingView): { key: string; text: string }[] {
  const by = new Map<string, { basis: string | null; basisDate: string | null; date: string; n: number }>();
  for (const l of d.lineage) {
    const key = `${l.legalBasis ?? ''}|${l.effectiveDate}`;
    const cur = by.get(key) ?? { basis: l.legalBasis, basisDate: l.legalBasisDate, date: l.effectiveDate, n: 0 };
    cur.n++;
    by.set(key, cur);
  }
  return [...by]
    .sort((a, b) => a[1].date.localeCompare(b[1].date))
    .map(([key, v]) => ({
      key,
      text: `${v.basis ? `Căn cứ ${v.basis}${v.basisDate ? ` ngày ${formatDateVi(v.basisDate)}` : ''}` : 'Không ghi căn cứ'}, hiệu lực từ ${formatDateVi(v.date)}: ${v.n} quan hệ kế thừa`,
    }));
}

/** "04/12/2026" → "2026-12-04"; null when it is not a real dd/mm/yyyy date. */
function isoOfVi(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

function Predecessors({ row }: { row: DerivedRankingView['rows'][number] }) {
  return (
    <>
      {row.predecessors.map((p) => (
        <span key={`${p.via ?? ''}:${p.unit.id}`} className="pred" data-testid="derived-ranking-pred">
          {p.via ? '↳ ' : ''}
          {p.unit.id === row.unit.id ? `${p.unit.name} (chính đơn vị)` : p.unit.name}:{' '}
          {p.source === 'missing' ? 'không có số liệu' : fmtPercent(p.percent)}
          {p.source === 'derived' ? ' (suy ra)' : ''}
        </span>
      ))}
    </>
  );
}

export function DerivedRanking({ campaignId, groupId }: { campaignId: string; groupId: string }) {
  const [asOf, setAsOf] = useState('');
  const [typed, setTyped] = useState('');
  const typedIso = isoOfVi(typed);
  const d = useResource<DerivedRankingView>(
    `/campaigns/${encodeURIComponent(campaignId)}/groups/${encodeURIComponent(groupId)}/derived-ranking${asOf ? `?asOf=${asOf}` : ''}`,
  );
  const [q, setQ] = useState('');
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(
    () => (d.data?.rows ?? []).filter((r) => matchesSearch(`${r.unit.name} ${r.unit.code}`, q)),
    [d.data, q],
  );
  return (
    <section aria-labelledby="derived-ranking-h" data-testid="derived-ranking">
      <h3 id="derived-ranking-h">Xếp hạng quy đổi theo đơn vị hiện nay</h3>
      <p className="note" data-testid="derived-ranking-notice">
        Số liệu <strong>suy ra</strong>, không phải kết quả đã công bố của các đơn vị hiện nay: mỗi đơn vị hiện nay lấy
        tỷ lệ % đã công bố của các đơn vị tiền thân. Bản công bố có chữ ký số không thay đổi.
      </p>
      {d.data && (
        <>
          <p>
            <strong>Cách tính:</strong> <span data-testid="derived-ranking-method">{d.data.methodLabel}</span>. Làm tròn
            2 chữ số thập phân; đơn vị bằng tỷ lệ thì đồng hạng.
          </p>
          <p>
            <strong>Xếp loại:</strong> áp dụng các mức xếp loại của kỳ đánh giá này cho tỷ lệ % quy đổi.
          </p>
          <p>
            <strong>Quan hệ kế thừa đã dùng</strong> (đơn vị hoạt động ngày {formatDateVi(d.data.asOf)}):
          </p>
          <ul data-testid="derived-ranking-lineage">
            {lineageSummary(d.data).map((l) => (
              <li key={l.key}>{l.text}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        <label>
          Theo đơn vị hoạt động ngày (dd/mm/yyyy){' '}
          <input
            type="text"
            inputMode="numeric"
            placeholder="dd/mm/yyyy"
            size={11}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-invalid={typed !== '' && typedIso === null}
            data-testid="derived-ranking-date"
          />
        </label>{' '}
        <button type="button" disabled={typedIso === null} onClick={() => typedIso && setAsOf(typedIso)}>
          Xem
        </button>{' '}
        {asOf && (
          <button
            type="button"
            onClick={() => {
              setAsOf('');
              setTyped('');
            }}
          >
            Hôm nay
          </button>
        )}
      </p>
      {typed !== '' && typedIso === null && (
        <p className="error" role="alert">
          Ngày phải có dạng dd/mm/yyyy, ví dụ 01/07/2025.
        </p>
      )}
      {d.loading && <Loading />}
      {d.error && <ErrorBox message={d.error.message} />}
      {d.data && (
        <>
          <SearchBox value={q} onChange={setQ} count={rows.length} />
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Xếp hạng quy đổi">
            <table className="ranking derived" data-testid="derived-ranking-table">
              <caption>
                Xếp hạng quy đổi theo đơn vị hiện nay — {d.data.group.name} — {d.data.campaign.name} (số liệu suy ra)
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Hạng
                  </th>
                  <th scope="col">Đơn vị hiện nay</th>
                  <th scope="col" className="num">
                    Tỷ lệ quy đổi
                  </th>
                  <th scope="col">Xếp loại</th>
                  <th scope="col" className="hide-phone">
                    Đơn vị tiền thân (tỷ lệ đã công bố)
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, shown).map((r) => (
                  <tr key={r.unit.id} data-testid="derived-ranking-row" data-unit={r.unit.code}>
                    <td className="num">
                      {r.rank ?? '—'}
                      {r.sharedBy > 1 && (
                        <span className="tie-note" data-testid="derived-ranking-tie">
                          đồng hạng
                        </span>
                      )}
                    </td>
                    <th scope="row">
                      {r.unit.name}
                      {/* On a phone the predecessors go under the name: rank, percent and band stay in view. */}
                      <span className="show-phone preds-inline">
                        <Predecessors row={r} />
                      </span>
                    </th>
                    <td className="num">
                      {r.percent === null ? (
                        <span className="muted" data-testid="derived-ranking-nodata">
                          không có số liệu
                        </span>
                      ) : (
                        fmtPercent(r.percent)
                      )}
                    </td>
                    <td>{r.percent === null ? '' : <BandBadge band={r.band} />}</td>
                    <td className="predecessors hide-phone">
                      <Predecessors row={r} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length > shown && (
            <p>
              <button type="button" onClick={() => setShown(shown + PAGE)}>
                Xem thêm {Math.min(PAGE, rows.length - shown)} đơn vị
              </button>
            </p>
          )}
          <p className="muted">
            {d.data.distribution.bands.map((b) => `${b.label}: ${b.count}`).join(' · ')}
            {d.data.distribution.noData > 0 ? ` · Không có số liệu: ${d.data.distribution.noData}` : ''}
          </p>
        </>
      )}
    </section>
  );
}
