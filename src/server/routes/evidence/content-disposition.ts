// Content-Disposition carrying a Vietnamese file name: an ASCII fallback for old clients plus the exact
// name as RFC 5987 `filename*=UTF-8''…` (every browser in use reads the latter). Control and
// bidirectional characters never reach a download's name, whatever built it (a unit's name, a file's).
import { UNSAFE_NAME_CHARS } from '../../../infra/storage/file-names.ts';

export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const fileName = name.replace(UNSAFE_NAME_CHARS, '');
  const fallback = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** One `bytes=a-b` / `bytes=a-` / `bytes=-n` range; undefined = whole file; null = unsatisfiable. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | undefined | null {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined; // multiple or malformed ranges: send it all
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return null;
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return null;
  return { start, end };
}
