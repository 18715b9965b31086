// Index sets as YAML or JSON documents (the FrameworkDefinition object written out). JSON is read with
// the YAML parser too (JSON is YAML 1.2), so both give line numbers for every problem. Duplicate keys
// are errors; aliases are capped (no "billion laughs"); a `__proto__` key stays an own property and is
// then rejected by the strict schema, never reaching an object's prototype.
import { LineCounter, parseDocument, stringify } from 'yaml';
import type { FrameworkDefinition } from '../../core/framework/index.ts';
import { fileError, type FileProblem } from './file-problem.ts';

export type DocumentRead =
  | { ok: true; doc: unknown; format: 'yaml' | 'json'; lineOf: (path: readonly (string | number)[]) => number | undefined }
  | { ok: false; problems: FileProblem[] };

export function readFrameworkDocument(text: string): DocumentRead {
  const format = /^\s*[{[]/.test(text) ? 'json' : 'yaml';
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.slice(0, 20).map((e) =>
        fileError(`Tệp ${format.toUpperCase()} không đọc được: ${e.message.split('\n')[0]}`, { row: e.linePos?.[0].line }),
      ),
    };
  }
  let doc: unknown;
  try {
    doc = document.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, problems: [fileError(`Tệp ${format.toUpperCase()} không đọc được: ${(e as Error).message}`)] };
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
