// Inflates the parts of an .xlsx that exceljs reads, and only those, as streams: the bytes really
// produced are counted (per part and in total) and the XML is tallied (xml-tally.ts) chunk by chunk,
// so a bomb stops at the first limit it passes, after a few megabytes — whatever sizes the zip
// declares. Parts exceljs ignores are never inflated. The result is what exceljs is then given.
import zlib from 'node:zlib';
import { MAX_STYLES_BYTES, type SpreadsheetLimits, type SpreadsheetRefusal, limitMessages, refuse } from './limits.ts';
import { type PartKind, type PartTally, WorkbookTally, withoutElements } from './xml-tally.ts';
import { type ZipEntry, readZipDirectory } from './zip-directory.ts';

export type UnzipResult = { ok: true; parts: Map<string, Buffer> } | SpreadsheetRefusal;

const BROKEN = 'Tệp .xlsx bị hỏng: không đọc được cấu trúc nén (tệp tải lên không trọn vẹn hoặc đã bị sửa).';

/** How exceljs 4.4 (lib/xlsx/xlsx.js `load`) chooses the parts it reads, in the same order. */
const EXACT: Record<string, PartKind> = {
  '_rels/.rels': 'xml',
  'xl/workbook.xml': 'xml',
  'xl/_rels/workbook.xml.rels': 'xml',
  'xl/sharedStrings.xml': 'sharedStrings',
  'xl/styles.xml': 'styles',
  'docProps/app.xml': 'xml',
  'docProps/core.xml': 'xml',
};
const PATTERNS: [RegExp, PartKind][] = [
  [/xl\/worksheets\/sheet(\d+)[.]xml/, 'sheet'],
  [/xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/, 'xml'],
  [/xl\/theme\/([a-zA-Z0-9]+)[.]xml/, 'xml'],
  [/xl\/media\/([a-zA-Z0-9]+[.][a-zA-Z0-9]{3,4})$/, 'binary'],
  [/xl\/drawings\/([a-zA-Z0-9]+)[.]xml/, 'xml'],
  [/xl\/(comments\d+)[.]xml/, 'xml'],
  [/xl\/tables\/(table\d+)[.]xml/, 'xml'],
  [/xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/, 'xml'],
  [/xl\/drawings\/(vmlDrawing\d+)[.]vml/, 'xml'],
];

export function partKind(name: string): PartKind | null {
  return EXACT[name] ?? PATTERNS.find(([re]) => re.test(name))?.[1] ?? null;
}

/** A zip that is not a workbook: say what it is when we can tell. */
function notAWorkbook(names: Set<string>): string {
  if (names.has('word/document.xml'))
    return 'Tệp là văn bản Word (.docx) được đổi tên, không phải bảng tính Excel (.xlsx). Hãy mở tệp trong Excel và lưu dạng .xlsx.';
  if (names.has('ppt/presentation.xml'))
    return 'Tệp là bản trình chiếu PowerPoint (.pptx), không phải bảng tính Excel (.xlsx).';
  if (names.has('content.xml')) return 'Tệp là tài liệu OpenDocument (.ods/.odt); hãy lưu lại dạng Excel (.xlsx).';
  return 'Tệp nén (.zip) không phải bảng tính Excel (.xlsx): thiếu thành phần xl/workbook.xml.';
}

function inflate(
  buf: Buffer,
  entry: ZipEntry,
  maxBytes: number,
  tally: PartTally,
  tooLarge: () => string,
): Promise<Buffer | SpreadsheetRefusal> {
  const input = buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    if (input.length > maxBytes) return Promise.resolve(refuse.tooLarge(tooLarge()));
    const problem = tally.push(input) ?? tally.end();
    return Promise.resolve(problem ? refuse.tooLarge(problem) : Buffer.from(input));
  }
  return new Promise((resolve) => {
    const inflater = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: Buffer | SpreadsheetRefusal) => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      resolve(result);
    };
    inflater.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) return settle(refuse.tooLarge(tooLarge()));
      const problem = tally.push(chunk);
      if (problem) return settle(refuse.tooLarge(problem));
      chunks.push(chunk);
    });
    inflater.on('error', () => settle(refuse.unreadable(BROKEN)));
    inflater.on('end', () => {
      const problem = tally.end();
      settle(problem ? refuse.tooLarge(problem) : Buffer.concat(chunks, size));
    });
    inflater.end(input);
  });
}

export async function unzipGuarded(buf: Buffer, limits: SpreadsheetLimits): Promise<UnzipResult> {
  if (buf.length === 0) return refuse.unreadable('Tệp rỗng (0 byte).');
  const dir = readZipDirectory(buf, limits.maxEntries);
  if (!dir.ok) {
    switch (dir.problem) {
      case 'not_zip':
        return refuse.unreadable('Tệp không phải bảng tính Excel (.xlsx): nội dung không có cấu trúc của tệp .xlsx.');
      case 'too_many':
        return refuse.tooLarge(limitMessages.entries(limits));
      case 'encrypted':
        return refuse.unreadable('Tệp .xlsx được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.');
      case 'method':
        return refuse.unreadable('Tệp .xlsx nén theo cách Excel không dùng; hãy mở trong Excel và lưu lại dạng .xlsx.');
      default:
        return refuse.unreadable(BROKEN);
    }
  }
  const names = new Set<string>();
  const read: { entry: ZipEntry; kind: PartKind }[] = [];
  for (const entry of dir.entries) {
    if (names.has(entry.name)) return refuse.unreadable(BROKEN); // two parts of one name
    names.add(entry.name);
    const kind = partKind(entry.name);
    if (kind) read.push({ entry, kind });
  }
  if (!names.has('xl/workbook.xml')) return refuse.unreadable(notAWorkbook(names));
  const maxOf = (e: ZipEntry) =>
    partKind(e.name) === 'styles' ? Math.min(MAX_STYLES_BYTES, limits.maxEntryBytes) : limits.maxEntryBytes;
  // What the zip declares is enough to refuse an honest bomb at once; a lying one is caught below.
  if (read.reduce((s, r) => s + r.entry.declaredSize, 0) > limits.maxInflatedBytes)
    return refuse.tooLarge(limitMessages.inflated(limits));
  const declaredOver = read.find((r) => r.entry.declaredSize > maxOf(r.entry));
  if (declaredOver) return refuse.tooLarge(partTooLarge(limits, declaredOver.entry.name, declaredOver.kind));

  const tally = new WorkbookTally(limits);
  const parts = new Map<string, Buffer>();
  let total = 0;
  for (const { entry, kind } of read) {
    const remaining = limits.maxInflatedBytes - total;
    const cap = Math.min(maxOf(entry), remaining);
    const tooLarge = () =>
      cap === remaining ? limitMessages.inflated(limits) : partTooLarge(limits, entry.name, kind);
    const data = await inflate(buf, entry, cap, tally.part(kind), tooLarge);
    if (!Buffer.isBuffer(data)) return data;
    total += data.length;
    parts.set(entry.name, strip(entry.name, kind, data));
  }
  return { ok: true, parts };
}

function partTooLarge(limits: SpreadsheetLimits, name: string, kind: PartKind): string {
  return kind === 'styles' ? limitMessages.styles() : limitMessages.entry(limits, name);
}

function strip(name: string, kind: PartKind, data: Buffer): Buffer {
  if (kind === 'sheet') return withoutElements(data, 'dataValidations');
  if (name === 'xl/workbook.xml') return withoutElements(data, 'definedNames');
  return data;
}
