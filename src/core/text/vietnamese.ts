// Vietnamese text rules used everywhere: store NFC, search without diacritics, sort codes naturally,
// format dates dd/mm/yyyy and numbers with Vietnamese separators.

/** Canonical stored form: Unicode NFC, trimmed. */
export function toNfc(text: string): string {
  return text.normalize('NFC').trim();
}

/** Folds case and diacritics ("Hà Tĩnh" → "ha tinh", "Đức" → "duc") for accent-insensitive search. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query occurs (folded) in the text. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = foldVietnamese(text);
  return foldVietnamese(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** Natural order of codes: "1.2" < "1.10" < "2", "a" < "b"; numeric runs compare as numbers. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const isNumX = /^\d+$/.test(x);
    const isNumY = /^\d+$/.test(y);
    if (isNumX && isNumY) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return 0;
}

/** dd/mm/yyyy for a Date or an ISO date string (date part taken as written, no timezone shift). */
export function formatDateVi(value: Date | string): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && value.length <= 10) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  const parts = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')}`;
}

/** 1.234,5 — Vietnamese grouping and decimal comma; at most `maxDecimals` decimals. */
export function formatNumberVi(value: number, maxDecimals = 2): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxDecimals }).format(value);
}
