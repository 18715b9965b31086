// "Kiểm tra bản công bố" on the open-data page: the published snapshot.json is checked in this browser
// as soon as the page opens (check-snapshot.ts, WebCrypto), and any snapshot file the visitor holds can
// be checked the same way — read locally, never sent anywhere. Each check is listed in plain Vietnamese.
import { useEffect, useRef, useState } from 'react';
import { formatDateVi } from '../../../core/text/vietnamese.ts';
import { type BrowserSnapshotCheck, type PublishedKey, browserCanVerify, checkSnapshotText } from './check-snapshot.ts';

/** The deployment's published public keys (a public route of the main API). */
const SIGNING_KEYS = '/api/v1/signing-keys';

type Outcome =
  | { state: 'checking' }
  | { state: 'unsupported' }
  | { state: 'failed'; message: string }
  | { state: 'done'; check: BrowserSnapshotCheck };

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { credentials: 'omit' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}

let keysPromise: Promise<PublishedKey[]> | null = null;
function publishedKeys(): Promise<PublishedKey[]> {
  keysPromise ??= fetchText(SIGNING_KEYS).then((t) => (JSON.parse(t) as { items: PublishedKey[] }).items);
  keysPromise.catch(() => (keysPromise = null));
  return keysPromise;
}

async function verify(text: () => Promise<string>): Promise<Outcome> {
  if (!(await browserCanVerify())) return { state: 'unsupported' };
  let keys: PublishedKey[];
  let body: string;
  try {
    [keys, body] = await Promise.all([publishedKeys(), text()]);
  } catch {
    return {
      state: 'failed',
      message:
        'Không tải được bản công bố hoặc danh sách khóa công khai từ máy chủ. Vui lòng kiểm tra mạng và thử lại.',
    };
  }
  return { state: 'done', check: await checkSnapshotText(body, keys) };
}

const CHECKS: { key: 'digestMatches' | 'signatureValid' | 'keyPublished'; title: string; ok: string; bad: string }[] = [
  {
    key: 'digestMatches',
    title: 'Nội dung khớp mã băm',
    ok: 'Mã băm SHA-256 tính lại từ toàn bộ nội dung trùng với mã băm đã ký.',
    bad: 'Mã băm tính lại từ nội dung KHÁC mã băm đã ký: nội dung đã bị thay đổi sau khi công bố.',
  },
  {
    key: 'signatureValid',
    title: 'Chữ ký hợp lệ',
    ok: 'Chữ ký số Ed25519 đúng với mã băm và khóa ký kèm theo.',
    bad: 'Chữ ký số không đúng với mã băm và khóa ký kèm theo.',
  },
  {
    key: 'keyPublished',
    title: 'Khóa ký là khóa do cơ quan vận hành công bố',
    ok: 'Khóa ký nằm trong danh sách khóa công khai của hệ thống.',
    bad: 'Khóa ký KHÔNG nằm trong danh sách khóa công khai của hệ thống: tệp có thể đã được người khác sửa và ký lại.',
  },
];

function Verdict({ outcome, campaignId, testId }: { outcome: Outcome; campaignId: string; testId: string }) {
  if (outcome.state === 'checking')
    return (
      <p className="status" role="status" data-testid={`${testId}-checking`}>
        Đang kiểm tra…
      </p>
    );
  if (outcome.state === 'unsupported') {
    return (
      <p className="error" role="alert" data-testid={`${testId}-unsupported`}>
        Trình duyệt này chưa kiểm tra được chữ ký số Ed25519 (cần phiên bản mới của Chrome, Edge, Firefox hoặc Safari,
        và kết nối https). Bạn có thể dùng công cụ kiểm tra tải về ở dưới.
      </p>
    );
  }
  if (outcome.state === 'failed')
    return (
      <p className="error" role="alert">
        {outcome.message}
      </p>
    );
  const c = outcome.check;
  return (
    <div
      className={`verdict ${c.valid ? 'verdict-ok' : 'verdict-bad'}`}
      role="status"
      aria-live="polite"
      data-testid={testId}
    >
      <p className="verdict-title" data-testid={`${testId}-result`}>
        {c.valid ? 'Hợp lệ' : 'Không hợp lệ'}
      </p>
      {c.problems.includes('INVALID_FILE') ? (
        <p>Tệp không phải bản công bố có chữ ký (thiếu nội dung, mã băm, chữ ký hoặc khóa công khai).</p>
      ) : (
        <>
          {c.version !== null && (
            <p className="muted">
              Bản công bố phiên bản {c.version}
              {c.publishedAt ? `, ngày ${formatDateVi(c.publishedAt)}` : ''}
              {c.campaignId !== campaignId ? ' — thuộc một kỳ đánh giá khác với kỳ đang xem.' : '.'}
            </p>
          )}
          <ul className="checks">
            {CHECKS.map((k) => (
              <li key={k.key} className={c[k.key] ? 'pass' : 'fail'} data-testid={`${testId}-check`}>
                <span className="mark">{c[k.key] ? '✔ Đạt' : '✘ Không đạt'}</span> <strong>{k.title}</strong> —{' '}
                {c[k.key] ? k.ok : k.bad}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function VerifyPanel({ campaignId, snapshotUrl }: { campaignId: string; snapshotUrl: string }) {
  const [published, setPublished] = useState<Outcome>({ state: 'checking' });
  const [uploaded, setUploaded] = useState<{ name: string; outcome: Outcome } | null>(null);
  useEffect(() => {
    let live = true;
    setPublished({ state: 'checking' });
    void verify(() => fetchText(snapshotUrl)).then((o) => live && setPublished(o));
    return () => {
      live = false;
    };
  }, [snapshotUrl]);

  // Only the verdict on the file chosen last is shown, whichever check finishes first.
  const lastChoice = useRef(0);
  const onFile = (file: File | undefined) => {
    if (!file) return;
    const choice = ++lastChoice.current;
    setUploaded({ name: file.name, outcome: { state: 'checking' } });
    // file.text() reads the file in this browser; nothing is uploaded.
    void verify(() => file.text()).then(
      (outcome) => choice === lastChoice.current && setUploaded({ name: file.name, outcome }),
    );
  };

  return (
    <section className="card" aria-labelledby="check-h" data-testid="verify-panel">
      <h2 id="check-h">Kiểm tra bản công bố ngay trên trình duyệt</h2>
      <p>
        Trình duyệt của bạn tải bản công bố có chữ ký, tự tính lại mã băm và kiểm tra chữ ký số — không cần cài đặt gì.
      </p>
      <Verdict outcome={published} campaignId={campaignId} testId="verify-published" />
      <h3>Kiểm tra một tệp bạn đang giữ</h3>
      <p>
        Chọn tệp bản công bố (snapshot.json) đã tải trước đây hoặc nhận từ người khác. Tệp được đọc ngay trên máy của
        bạn, <strong>không gửi lên máy chủ</strong>.
      </p>
      {/* The label is the button (in Vietnamese whatever the browser's language); the input itself is hidden. */}
      <label className="file-pick">
        Chọn tệp để kiểm tra…
        <input
          type="file"
          className="sr-only"
          accept=".json,application/json"
          data-testid="verify-file"
          onChange={(e) => {
            onFile(e.currentTarget.files?.[0]);
            // Cleared, so that choosing the same file again (after editing it) checks it again.
            e.currentTarget.value = '';
          }}
        />
      </label>
      {uploaded && (
        <>
          <p className="muted">Kết quả kiểm tra tệp “{uploaded.name}”:</p>
          <Verdict outcome={uploaded.outcome} campaignId={campaignId} testId="verify-upload" />
        </>
      )}
    </section>
  );
}
