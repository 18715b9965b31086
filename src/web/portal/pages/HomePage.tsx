// /cong-khai — published campaigns grouped by year (newest first), each with its groups, methodology
// and open data; a publication that fails verification is named with a warning and nothing else.
import { formatDateVi, formatNumberVi } from '../../../core/text/vietnamese.ts';
import { UNVERIFIED_MESSAGE, useResource } from '../api.ts';
import { Link } from '../Link.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { campaignPath } from '../format.ts';
import type { PublicCampaign } from '../../../contract/public.ts';
import { useTitle } from '../useTitle.ts';

export default function HomePage() {
  useTitle('Kết quả đánh giá chuyển đổi số');
  const res = useResource<{ items: PublicCampaign[] }>('/campaigns');
  const years = new Map<number, PublicCampaign[]>();
  for (const c of res.data?.items ?? []) years.set(c.year, [...(years.get(c.year) ?? []), c]);
  return (
    <div data-testid="portal-home">
      <h1>Kết quả đánh giá chuyển đổi số (DTI)</h1>
      <p className="lead">
        Kết quả xếp hạng mức độ chuyển đổi số của các cơ quan, đơn vị đã được phê duyệt và công bố. Chọn một kỳ đánh giá
        và nhóm đơn vị để xem bảng xếp hạng.
      </p>
      {res.loading && <Loading />}
      {res.error && <ErrorBox message={res.error.message} />}
      {res.data && res.data.items.length === 0 && <p>Chưa có kỳ đánh giá nào được công bố.</p>}
      {[...years].map(([year, campaigns]) => (
        <section key={year} aria-labelledby={`y-${year}`}>
          <h2 id={`y-${year}`}>Năm {year}</h2>
          {campaigns.map((c) => (
            <article key={c.id} className="card" data-testid="portal-campaign">
              <h3>
                {c.name}
                {c.publishedAs === 'progress_report' && (
                  <span className="kind-label" data-testid="portal-progress-label">
                    {' '}
                    · Báo cáo tiến độ
                  </span>
                )}
              </h3>
              <p className="muted">
                {c.owner.name} · công bố ngày {formatDateVi(c.publishedAt)}
                {c.snapshotVersion > 1 ? ` · bản đính chính lần ${c.snapshotVersion - 1}` : ''}
              </p>
              {c.verified ? (
                <>
                  <ul className="group-links">
                    {c.groups.map((g) => (
                      <li key={g.id}>
                        <Link href={campaignPath(c.id, g.id)} data-testid="portal-group-link">
                          {g.name}
                        </Link>{' '}
                        <span className="muted">({formatNumberVi(g.unitCount)} đơn vị)</span>
                      </li>
                    ))}
                  </ul>
                  <p className="card-links">
                    <Link href={`${campaignPath(c.id)}/phuong-phap`}>Phương pháp đánh giá</Link>
                    <Link href={`${campaignPath(c.id)}/du-lieu-mo`} data-testid="portal-open-data-link">
                      Dữ liệu mở
                    </Link>
                  </p>
                </>
              ) : (
                // The stored publication fails its digest or signature check: no figure, no link to one.
                <p className="error" role="alert" data-testid="portal-unverified">
                  {UNVERIFIED_MESSAGE}
                </p>
              )}
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
