// Hostile spreadsheets built cheaply in memory for tests and benchmarks. A part that inflates to
// hundreds of megabytes is written without ever holding them: one megabyte of XML is deflated once
// with a full flush (a block that depends on nothing before it), and that block is repeated — the
// zip stays small and valid, and the CRC is computed over the repetitions.
import zlib from 'node:zlib';

export interface Part {
  name: string;
  /** Raw deflate data (method 8) or the bytes themselves (method 0). */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  size: number;
  /** What the headers claim (defaults to the real size): a lying zip says less. */
  declaredSize?: number;
}

export function deflatedPart(name: string, content: string | Buffer, declaredSize?: number): Part {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
  return {
    name,
    data: zlib.deflateRawSync(bytes),
    method: 8,
    crc: zlib.crc32(bytes),
    size: bytes.length,
    declaredSize,
  };
}

/** `head`, then `unit` repeated until about `megabytes` MB, then `tail`, deflated in independent blocks. */
export function repeatedPart(
  name: string,
  head: string,
  unit: string,
  tail: string,
  megabytes: number,
  declaredSize?: number,
): Part {
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor((1024 * 1024) / unit.length))));
  const headBytes = Buffer.from(head);
  const tailBytes = Buffer.from(tail);
  const flushed = (b: Buffer) => zlib.deflateRawSync(b, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const blocks = Math.ceil((megabytes * 1024 * 1024) / block.length);
  const deflatedBlock = flushed(block);
  const pieces = [
    flushed(headBytes),
    ...Array.from({ length: blocks }, () => deflatedBlock),
    zlib.deflateRawSync(tailBytes),
  ];
  let crc = zlib.crc32(headBytes);
  for (let i = 0; i < blocks; i++) crc = zlib.crc32(block, crc);
  crc = zlib.crc32(tailBytes, crc);
  return {
    name,
    data: Buffer.concat(pieces),
    method: 8,
    crc,
    size: headBytes.length + blocks * block.length + tailBytes.length,
    declaredSize,
  };
}

export function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const size = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(Math.min(size, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(p.method, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(Math.min(size, 0xfffffffe), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts every workbook needs around its first sheet. */
export function workbookFrame(): Part[] {
  return [
    deflatedPart(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    deflatedPart(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    deflatedPart(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflatedPart(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  ];
}

/** A valid .xlsx whose one sheet is `megabytes` MB of small rows of text (about 20 MB → 200 MB of XML
 *  in the issue; a few hundred kilobytes here, since the rows repeat exactly). */
export function rowsBomb(megabytes = 200, declaredSize?: number): Buffer {
  const row =
    '<row><c t="inlineStr"><is><t>Xã Đức Đồng</t></is></c><c t="inlineStr"><is><t>Xã</t></is></c><c><v>12</v></c><c><v>-3.5</v></c></row>';
  return zipOf([
    ...workbookFrame(),
    repeatedPart('xl/worksheets/sheet1.xml', SHEET_HEAD, row, SHEET_TAIL, megabytes, declaredSize),
  ]);
}

/** A valid .xlsx whose one cell holds `megabytes` MB of text: few elements, only bytes. */
export function bigCellBomb(megabytes = 200, declaredSize?: number): Buffer {
  return zipOf([
    ...workbookFrame(),
    repeatedPart(
      'xl/worksheets/sheet1.xml',
      `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`,
      'A',
      `</t></is></c></row>${SHEET_TAIL}`,
      megabytes,
      declaredSize,
    ),
  ]);
}

/** A sheet of `body` (a few bytes of XML that ask exceljs for a huge amount of work). */
export function sheetWith(body: string, extraParts: Part[] = [], workbookXml?: string): Buffer {
  const frame = workbookFrame().map((p) =>
    workbookXml && p.name === 'xl/workbook.xml' ? deflatedPart(p.name, workbookXml) : p,
  );
  return zipOf([
    ...frame,
    ...extraParts,
    deflatedPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD.replace('<sheetData>', '')}${body}</worksheet>`),
  ]);
}
