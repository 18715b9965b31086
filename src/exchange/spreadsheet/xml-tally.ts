// Counts, chunk by chunk while a part is being inflated, what exceljs would build from a workbook's
// XML: elements, rows, cells (with the cells merged ranges create), how far right each row reaches,
// shared strings and styles. The first count over its limit stops the inflation with a message. It
// reads bytes, not a parsed tree: every piece of markup is ASCII, and a tag split across two chunks is
// carried over to the next one.
import {
  EXCEL_MAX_COLUMN,
  EXCEL_MAX_ROW,
  MAX_MERGES,
  MAX_STYLE_ELEMENTS,
  type SpreadsheetLimits,
  limitMessages,
  maxCellSpan,
  maxXmlElements,
} from './limits.ts';

/** How a part is read: a worksheet, the shared strings, the styles, any other XML, or bytes (images). */
export type PartKind = 'sheet' | 'sharedStrings' | 'styles' | 'xml' | 'binary';

/** A tag whose attributes matter cannot be longer than this; markup longer than it is not a workbook's. */
const MAX_CARRY = 1024 * 1024;
const LT = 0x3c;
const GT = 0x3e;

const isNameEnd = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === GT || b === 0x2f;

function nameIs(data: Buffer, start: number, length: number, name: string): boolean {
  if (length !== name.length) return false;
  for (let k = 0; k < length; k++) if (data[start + k] !== name.charCodeAt(k)) return false;
  return true;
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(tag);
  return m ? m[1]! : null;
}

/** "AB12" → {col: 28, row: 12}; "$A$1" accepted; row or column absent → 0; not an address → null. */
export function decodeAddress(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Za-z]{0,4})\$?(\d{0,8})$/.exec(ref.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: m[2] === '' ? 0 : Number(m[2]) };
}

const inGrid = (a: { col: number; row: number }) =>
  a.col >= 1 && a.col <= EXCEL_MAX_COLUMN && a.row >= 1 && a.row <= EXCEL_MAX_ROW;

/** The counts of one workbook, shared by its parts. */
export class WorkbookTally {
  elements = 0;
  rows = 0;
  cells = 0;
  span = 0;
  merges = 0;
  sharedStrings = 0;

  constructor(readonly limits: SpreadsheetLimits) {}

  part(kind: PartKind): PartTally {
    return new PartTally(this, kind);
  }
}

export class PartTally {
  private carry: Buffer | null = null;
  private styleElements = 0;
  private rowReach = 0;
  private nextColumn = 1;

  constructor(
    private readonly book: WorkbookTally,
    private readonly kind: PartKind,
  ) {}

  /** Counts one inflated chunk; a message when a limit is passed. */
  push(chunk: Buffer): string | null {
    if (this.kind === 'binary') return null;
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    const n = data.length;
    let i = 0;
    for (;;) {
      const lt = data.indexOf(LT, i);
      if (lt < 0) return null;
      let j = lt + 1;
      if (j >= n) return this.keep(data, lt);
      const first = data[j]!;
      if (first === 0x2f || first === 0x3f || first === 0x21) {
        i = j; // an end tag, a processing instruction, a comment or CDATA: not an element
        continue;
      }
      while (j < n && !isNameEnd(data[j]!)) j++;
      if (j >= n) return this.keep(data, lt);
      const wanted = this.kind === 'sheet' && this.wantsAttributes(data, lt + 1, j - lt - 1);
      const gt = wanted ? data.indexOf(GT, j) : -1;
      if (wanted && gt < 0) return this.keep(data, lt); // counted with the next chunk, once
      const problem = this.element(data, lt + 1, j - lt - 1);
      if (problem) return problem;
      if (wanted) {
        const tagProblem = this.sheetTag(data.toString('latin1', lt + 1, j), data.toString('latin1', j, gt));
        if (tagProblem) return tagProblem;
        i = gt + 1;
      } else {
        i = j;
      }
    }
  }

  /** The part is complete: the last row's reach is counted. */
  end(): string | null {
    if (this.kind === 'sheet') return this.closeRow();
    return null;
  }

  private keep(data: Buffer, from: number): string | null {
    if (data.length - from > MAX_CARRY) return limitMessages.tagTooLong();
    this.carry = Buffer.from(data.subarray(from));
    return null;
  }

  private element(data: Buffer, start: number, length: number): string | null {
    const book = this.book;
    if (++book.elements > maxXmlElements(book.limits)) return limitMessages.elements(book.limits);
    if (this.kind === 'styles' && ++this.styleElements > MAX_STYLE_ELEMENTS) return limitMessages.styles();
    if (
      this.kind === 'sharedStrings' &&
      nameIs(data, start, length, 'si') &&
      ++book.sharedStrings > book.limits.maxCells
    ) {
      return limitMessages.sharedStrings(book.limits);
    }
    return null;
  }

  private wantsAttributes(data: Buffer, start: number, length: number): boolean {
    return (
      nameIs(data, start, length, 'c') ||
      nameIs(data, start, length, 'row') ||
      nameIs(data, start, length, 'col') ||
      nameIs(data, start, length, 'mergeCell')
    );
  }

  private closeRow(): string | null {
    const book = this.book;
    book.span += this.rowReach;
    this.rowReach = 0;
    this.nextColumn = 1;
    return book.span > maxCellSpan(book.limits) ? limitMessages.span(book.limits) : null;
  }

  private sheetTag(name: string, tag: string): string | null {
    const book = this.book;
    const limits = book.limits;
    switch (name) {
      case 'row': {
        const closed = this.closeRow();
        if (closed) return closed;
        if (++book.rows > limits.maxRows) return limitMessages.rows(limits);
        const r = attribute(tag, 'r');
        if (r !== null && !(Number(r) >= 1 && Number(r) <= EXCEL_MAX_ROW)) return limitMessages.grid();
        return null;
      }
      case 'c': {
        if (++book.cells > limits.maxCells) return limitMessages.cells(limits);
        const r = attribute(tag, 'r');
        const at = r === null ? null : decodeAddress(r);
        if (r !== null && (!at || !inGrid(at))) return limitMessages.grid();
        const col = at ? at.col : this.nextColumn;
        this.nextColumn = col + 1;
        if (col > this.rowReach) this.rowReach = col;
        return null;
      }
      case 'col': {
        const min = Number(attribute(tag, 'min'));
        const max = Number(attribute(tag, 'max'));
        if (!(min >= 1 && max >= min && max <= EXCEL_MAX_COLUMN)) return limitMessages.grid();
        return null;
      }
      case 'mergeCell': {
        if (++book.merges > MAX_MERGES) return limitMessages.merges();
        const [from, to] = (attribute(tag, 'ref') ?? '').split(':').map(decodeAddress);
        if (!from || !inGrid(from) || (to && !inGrid(to))) return limitMessages.grid();
        const last = to ?? from;
        const area = (Math.abs(last.row - from.row) + 1) * (Math.abs(last.col - from.col) + 1);
        // exceljs creates a cell for every position of a merged range.
        book.cells += area - 1;
        return book.cells > limits.maxCells ? limitMessages.cells(limits) : null;
      }
      default:
        return null;
    }
  }
}

/** The part without its `<name …>…</name>` elements (exceljs would expand their ranges cell by cell;
 *  no reader needs them: data validations of a sheet, defined names of the workbook). */
export function withoutElements(xml: Buffer, name: string): Buffer {
  const open = Buffer.from(`<${name}`, 'latin1');
  const close = Buffer.from(`</${name}>`, 'latin1');
  const kept: Buffer[] = [];
  let from = 0;
  let search = 0;
  for (;;) {
    const at = xml.indexOf(open, search);
    if (at < 0) break;
    const after = xml[at + open.length];
    if (after === undefined || !isNameEnd(after)) {
      search = at + open.length;
      continue;
    }
    const gt = xml.indexOf(GT, at);
    if (gt < 0) break;
    let end: number;
    if (xml[gt - 1] === 0x2f) end = gt + 1;
    else {
      const c = xml.indexOf(close, gt);
      if (c < 0) break;
      end = c + close.length;
    }
    kept.push(xml.subarray(from, at));
    from = end;
    search = end;
  }
  if (kept.length === 0) return xml;
  kept.push(xml.subarray(from));
  return Buffer.concat(kept);
}
