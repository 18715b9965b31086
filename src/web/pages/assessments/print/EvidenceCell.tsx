// The "Tài liệu kiểm chứng" cell of a printed item: each attached document by its name (or number and date),
// a file with the first 12 characters of its SHA-256 — enough to match the printed page with the stored file
// — and a link with its address. A document the reader may not see is counted, not hidden.
import type { Evidence } from '../../../../contract/evidence.ts';
import { showDate } from '../../../lib/dates.ts';
import { useT } from '../../../i18n/context.ts';

function title(e: Evidence): string {
  const doc = [e.docNumber, e.docDate ? showDate(e.docDate) : ''].filter(Boolean).join(', ');
  const name = e.fileName ?? e.summary ?? e.url ?? '';
  return doc && name ? `${name} (${doc})` : name || doc;
}

export function EvidenceCell({ ids, library }: { ids: readonly string[]; library: ReadonlyMap<string, Evidence> }) {
  const t = useT();
  const known = ids.map((id) => library.get(id)).filter((e): e is Evidence => !!e);
  const unseen = ids.length - known.length;
  return (
    <>
      {known.map((e, i) => (
        <div key={e.id} style={{ marginBottom: 2 }}>
          {i + 1}. {title(e)}
          {e.sha256 && <span style={{ color: '#555' }}> · SHA-256 {e.sha256.slice(0, 12)}</span>}
          {e.url && e.url !== title(e) && <div style={{ wordBreak: 'break-all' }}>{e.url}</div>}
        </div>
      ))}
      {unseen > 0 && <div>{t('as.printEvidenceUnseen', { n: unseen })}</div>}
    </>
  );
}
