// Index sets as YAML or JSON documents (the FrameworkDefinition object written out). JSON is read with
// the YAML parser too (JSON is YAML 1.2), so both give line numbers for every problem. Duplicate keys
// are errors; aliases are capped (no "billion laughs"); a `__proto__` key stays an own property and is
// then rejected by the strict schema, never reaching an object's prototype.
import { LineCounter, parseDocument, stringify } from 'yaml';
import type { FrameworkDefinition } from '../../core/framework/index.ts';
import { fileError, type FileProblem } from './file-problem.ts';

export type DocumentRead =
  | {
      ok: true;
      doc: unknown;
      format: 'yaml' | 'json';
      lineOf: (path: readonly (string | number)[]) => number | undefined;
    }
  | { ok: false; problems: FileProblem[] };

/** Nesting a document may have (an index set of 10 levels is about 25): a deeper one is refused before
 *  the parser, whose composer recurses, sees it. */
export const MAX_DOCUMENT_DEPTH = 64;

/** Deepest nesting of [ and { outside strings in JSON text, by a loop; stops counting past `max`. */
export function jsonTextDepth(text: string, max = MAX_DOCUMENT_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > deepest && (deepest = depth) > max) return deepest;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}

export function readFrameworkDocument(text: string): DocumentRead {
  const format = /^\s*[{[]/.test(text) ? 'json' : 'yaml';
  const tooDeep = () => ({
    ok: false as const,
    problems: [
      fileError(`Tệp ${format.toUpperCase()} lồng nhau quá sâu (tối đa ${MAX_DOCUMENT_DEPTH} cấp); không đọc được.`, {
        rule: 'DOCUMENT_TOO_DEEP',
        params: { format: format.toUpperCase(), max: MAX_DOCUMENT_DEPTH },
      }),
    ],
  });
  if (format === 'json' && jsonTextDepth(text) > MAX_DOCUMENT_DEPTH) return tooDeep();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  // YAML block nesting is not bracketed: the parser's own stack overflow is reported the same way.
  if (document.errors.some((e) => /call stack/i.test(e.message))) return tooDeep();
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.slice(0, 20).map((e) =>
        fileError(`Tệp ${format.toUpperCase()} không đọc được: ${e.message.split('\n')[0]}`, {
          row: e.linePos?.[0].line,
          rule: 'DOCUMENT_UNREADABLE',
          params: { format: format.toUpperCase() },
        }),
      ),
    };
  }
  let doc: unknown;
  try {
    doc = document.toJS({ maxAliasCount: 100 });
  } catch (e) {
    if (e instanceof RangeError) return tooDeep();
    return {
      ok: false,
      problems: [
        fileError(`Tệp ${format.toUpperCase()} không đọc được: ${(e as Error).message}`, {
          rule: 'DOCUMENT_UNREADABLE',
          params: { format: format.toUpperCase() },
        }),
      ],
    };
  }
  const lineOf = (path: readonly (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = path.length === 0 ? document.contents : document.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return lineCounter.linePos(range[0]).line;
    }
    return undefined;
  };
  return { ok: true, doc, format, lineOf };
}

export function writeFrameworkYaml(def: FrameworkDefinition): string {
  return stringify(def, { lineWidth: 0, indent: 2 });
}

export function writeFrameworkJson(def: FrameworkDefinition): string {
  return `${JSON.stringify(def, null, 2)}\n`;
}
