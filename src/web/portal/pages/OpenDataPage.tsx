// /cong-khai/ky/:id/du-lieu-mo — the snapshot as open data (CSV, JSON, Excel), the signed snapshot file,
// its digest and signature, checked right here in the browser (VerifyPanel), and how anyone can check it
// offline with the single-file verifier served by the server (plain `node`, nothing to install).
import { formatDateVi } from '../../../core/text/vietnamese.ts';
import { PUBLIC_API, useResource } from '../api.ts';
import { Link } from '../Link.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { campaignPath } from '../format.ts';
import type { CampaignDetail } from '../../../contract/public.ts';
import { useTitle } from '../useTitle.ts';
import { VerifyPanel } from '../verify/VerifyPanel.tsx';

/** The standalone verifier (routes/public/verifier.ts). */
const VERIFIER_URL = `${PUBLIC_API}/verify-thuocdo.mjs`;

export default function OpenDataPage({ id }: { id: string }) {
  const res = useResource<CampaignDetail>(`/campaigns/${encodeURIComponent(id)}`);
  useTitle(res.data ? `Dữ liệu mở — ${res.data.name}` : 'Dữ liệu mở');
  if (res.loading) return <Loading />;
  if (res.error || !res.data) return <ErrorBox message={res.error?.message ?? 'Không tìm thấy kỳ đánh giá.'} />;
  const c = res.data;
  const base = `${PUBLIC_API}/campaigns/${encodeURIComponent(c.id)}`;
  const s = c.snapshot;
  return (
    <div data-testid="portal-open-data">
      <p className="crumbs">
        <Link href="/cong-khai">Các kỳ đánh giá</Link> › <Link href={campaignPath(c.id)}>{c.name}</Link>
      </p>
      <h1>Dữ liệu mở</h1>
      <p className="lead">
        Toàn bộ kết quả của “{c.name}” (phiên bản {s.version}, công bố ngày {formatDateVi(s.publishedAt)}), đúng như bản
        công bố đã ký số.
      </p>
      <ul className="downloads">
        <li>
          <a href={`${base}/open-data.xlsx`} download data-testid="download-xlsx">
            Tệp Excel (.xlsx)
          </a>{' '}
          — mỗi nhóm đơn vị một trang tính.
        </li>
        <li>
          <a href={`${base}/open-data.csv`} download data-testid="download-csv">
            Tệp CSV (UTF-8)
          </a>{' '}
          — mỗi dòng một đơn vị × một chỉ số.
        </li>
        <li>
          <a href={`${base}/open-data.json`} data-testid="download-json">
            Tệp JSON
          </a>{' '}
          — toàn văn bản công bố.
        </li>
        <li>
          <a href={`${base}/snapshot.json`} download="snapshot.json" data-testid="download-snapshot">
            Bản công bố có chữ ký (snapshot.json)
          </a>{' '}
          — để tự kiểm tra.
        </li>
      </ul>
      <VerifyPanel campaignId={c.id} snapshotUrl={`${base}/snapshot.json`} />
      <section className="card" aria-labelledby="sig-h">
        <h2 id="sig-h">Mã băm và chữ ký số</h2>
        <dl className="hashes">
          <dt>Mã băm SHA-256</dt>
          <dd>
            <code data-testid="snapshot-digest">{s.digest}</code>
          </dd>
          <dt>Chữ ký Ed25519</dt>
          <dd>
            <code>{s.signature}</code>
          </dd>
          <dt>Mã khóa ký</dt>
          <dd>
            <code>{s.keyId}</code>
          </dd>
        </dl>
      </section>
      <section aria-labelledby="verify-h">
        <h2 id="verify-h">Tự kiểm tra trên máy tính, không cần mạng</h2>
        <ol>
          <li>Cài Node.js (phiên bản 18 trở lên, tải tại nodejs.org). Không cần cài thêm gói nào.</li>
          <li>
            Tải{' '}
            <a href={VERIFIER_URL} download="verify-thuocdo.mjs" data-testid="download-verifier">
              công cụ kiểm tra (verify-thuocdo.mjs)
            </a>{' '}
            và “Bản công bố có chữ ký” ở trên về cùng một thư mục. Công cụ là một tệp văn bản duy nhất, ai cũng đọc được
            mã nguồn.
          </li>
          <li>
            Mở cửa sổ dòng lệnh tại thư mục đó và chạy:{' '}
            <code className="cmd" data-testid="verify-command">
              node verify-thuocdo.mjs snapshot.json
            </code>{' '}
            (thay snapshot.json bằng tên tệp bản công bố bạn đã tải).
          </li>
          <li>
            Công cụ báo “HỢP LỆ” khi nội dung khớp mã băm, chữ ký đúng và khóa ký là khóa do cơ quan vận hành công bố
            (danh sách khóa được ghi sẵn trong công cụ khi tải về). Nếu tệp bị sửa dù chỉ một chữ số, công cụ báo “KHÔNG
            HỢP LỆ”.
          </li>
        </ol>
      </section>
      {s.corrections.length > 0 && (
        <section aria-labelledby="corr-h">
          <h2 id="corr-h">Các lần đính chính</h2>
          <ul>
            {s.corrections.map((x) => (
              <li key={x.version}>
                Phiên bản {x.version}, ngày {formatDateVi(x.publishedAt)}: {x.reason ?? ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
