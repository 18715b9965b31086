// Reading the records of a response: JSON (with a dotted path to the records array, e.g. "data.evaluation"
// for the 766 service-results API) or CSV (first line: column names; RFC 4180 quotes). A field of a record
// is read by a dotted path too ("groupScores.CKMB"). Failures are codes the run reports, never exceptions.

export type SourceRecord = Record<string, unknown>;
export type RecordsResult =
  | { ok: true; records: SourceRecord[] }
  | {
      ok: false;
      code: 'MALFORMED_JSON' | 'MALFORMED_CSV' | 'RECORDS_NOT_FOUND';
      params: Record<string, string | number>;
    };

/** The value at a dotted path ("" → the value itself); undefined when any step is missing. */
export function valueAt(value: unknown, path: string): unknown {
  if (!path) return value;
  let cur: unknown = value;
  for (const step of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) && /^\d+$/.test(step) ? cur[Number(step)] : (cur as Record<string, unknown>)[step];
  }
  return cur;
}

export function readJsonRecords(text: string, recordsPath: string): RecordsResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return { ok: false, code: 'MALFORMED_JSON', params: { detail: (err as Error).message.slice(0, 200) } };
  }
  const found = valueAt(parsed, recordsPath);
  // A source asked once per unit may answer with that unit's record alone.
  const list = found !== null && typeof found === 'object' && !Array.isArray(found) ? [found] : found;
  if (!Array.isArray(list)) return { ok: false, code: 'RECORDS_NOT_FOUND', params: { path: recordsPath } };
  const bad = list.findIndex((r) => r === null || typeof r !== 'object' || Array.isArray(r));
  if (bad >= 0) return { ok: false, code: 'MALFORMED_JSON', params: { detail: `record ${bad + 1} is not an object` } };
  return { ok: true, records: list as SourceRecord[] };
}

/** Rows of a CSV text (comma or semicolon, detected from the header line). */
export function parseCsv(text: string): string[][] | null {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (field !== '') return null; // a quote inside an unquoted field
      quoted = true;
    } else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      field = '';
      if (row.some((f) => f !== '') || row.length > 1) rows.push(row);
      row = [];
      if (ch === '\r' && src[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (quoted) return null;
  row.push(field);
  if (row.some((f) => f !== '') || row.length > 1) rows.push(row);
  return rows;
}

export function readCsvRecords(text: string): RecordsResult {
  const rows = parseCsv(text);
  if (!rows || rows.length === 0) return { ok: false, code: 'MALFORMED_CSV', params: {} };
  const header = rows[0]!.map((h) => h.trim().normalize('NFC'));
  const records: SourceRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r]!;
    if (cells.length !== header.length) return { ok: false, code: 'MALFORMED_CSV', params: { row: r + 1 } };
    const rec: SourceRecord = {};
    header.forEach((h, c) => (rec[h] = cells[c]!.trim()));
    records.push(rec);
  }
  return { ok: true, records };
}

export function readRecords(text: string, format: 'json' | 'csv', recordsPath: string): RecordsResult {
  return format === 'csv' ? readCsvRecords(text) : readJsonRecords(text, recordsPath);
}
