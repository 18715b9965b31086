// Numbers and shares (points vs fraction of max) in the notation.
//   points:    20, 2.5
//   fraction:  max (= all of max), 0.5max, 1/2 (= 0.5), 50% (= 0.5)
// format writes fractions as `max` or `<f>max`, which reads back to the identical double.

const NUMBER = /^\d+(\.\d+)?([eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | null {
  return NUMBER.test(text) ? Number(text) : null;
}

export type Share = { points: number } | { fraction: number };

export function parseShare(text: string): Share | null {
  if (text === 'max') return { fraction: 1 };
  if (text.endsWith('max')) {
    const f = parseNumber(text.slice(0, text.endsWith('*max') ? -4 : -3));
    return f === null ? null : { fraction: f };
  }
  if (text.endsWith('%')) {
    const p = parseNumber(text.slice(0, -1));
    return p === null ? null : { fraction: p / 100 };
  }
  const slash = text.indexOf('/');
  if (slash > 0) {
    const p = parseNumber(text.slice(0, slash));
    const q = parseNumber(text.slice(slash + 1));
    return p === null || q === null || q === 0 ? null : { fraction: p / q };
  }
  const n = parseNumber(text);
  return n === null ? null : { points: n };
}

export function formatNumber(n: number): string {
  return String(n);
}

export function formatShare(share: { points?: number; fraction?: number }): string {
  if (share.points !== undefined) return formatNumber(share.points);
  const f = share.fraction ?? 0;
  return f === 1 ? 'max' : `${formatNumber(f)}max`;
}
