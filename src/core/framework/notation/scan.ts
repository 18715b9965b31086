// Word scanner of the method notation. Words are separated by spaces; inside a word, ":" and "="
// separate parts; a part may be a double-quoted string ("Phó chủ tịch", with \" and \\ escapes) so
// labels with spaces survive. Positions are 1-based columns of the original text.
import { errorAt, type FormulaError } from '../formula/tokens.ts';

export interface Part {
  kind: 'text' | 'sep';
  /** Unquoted content (for sep: ":" or "="). */
  value: string;
  quoted: boolean;
  pos: number;
}

export interface Word {
  parts: Part[];
  pos: number;
  /** Raw source of the word. */
  raw: string;
}

export type ScanResult = { ok: true; words: Word[] } | ({ ok: false } & FormulaError);

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Scans `text` from index `from` (0-based); reported positions are 1-based in `text`. */
export function scanWords(text: string, from = 0): ScanResult {
  const words: Word[] = [];
  let i = from;
  while (i < text.length) {
    if (isSpace(text[i])) {
      i++;
      continue;
    }
    const start = i;
    const parts: Part[] = [];
    let buf = '';
    let bufPos = -1;
    const flush = (): void => {
      if (bufPos >= 0) parts.push({ kind: 'text', value: buf, quoted: false, pos: bufPos + 1 });
      buf = '';
      bufPos = -1;
    };
    while (i < text.length && !isSpace(text[i])) {
      const c = text[i] as string;
      if (c === ':' || c === '=') {
        flush();
        parts.push({ kind: 'sep', value: c, quoted: false, pos: i + 1 });
        i++;
      } else if (c === '"') {
        if (bufPos >= 0) return { ok: false, ...errorAt(i + 1, 'dấu ngoặc kép phải đứng đầu một phần.') };
        const open = i;
        let value = '';
        i++;
        for (;;) {
          if (i >= text.length) return { ok: false, ...errorAt(open + 1, 'thiếu dấu ngoặc kép đóng.') };
          const d = text[i] as string;
          if (d === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
            value += text[i + 1];
            i += 2;
          } else if (d === '"') {
            i++;
            break;
          } else {
            value += d;
            i++;
          }
        }
        parts.push({ kind: 'text', value, quoted: true, pos: open + 1 });
        if (i < text.length && !isSpace(text[i]) && text[i] !== ':' && text[i] !== '=') {
          return { ok: false, ...errorAt(i + 1, 'sau dấu ngoặc kép đóng phải là khoảng trắng, ":" hoặc "=".') };
        }
      } else {
        if (bufPos < 0) bufPos = i;
        buf += c;
        i++;
      }
    }
    flush();
    words.push({ parts, pos: start + 1, raw: text.slice(start, i) });
  }
  return { ok: true, words };
}

/** Splits a word's parts at separators: `a=b:c` → texts [a, b, c] with separators [=, :]. */
export function splitWord(word: Word): { texts: (Part | null)[]; seps: Part[] } {
  const texts: (Part | null)[] = [];
  const seps: Part[] = [];
  let current: Part | null = null;
  for (const p of word.parts) {
    if (p.kind === 'sep') {
      texts.push(current);
      seps.push(p);
      current = null;
    } else current = p;
  }
  texts.push(current);
  return { texts, seps };
}

/** Quotes a label or value when it would not scan back as one bare part. */
export function quoteIfNeeded(s: string): string {
  if (s !== '' && !/[\s:="\\]/.test(s)) return s;
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
