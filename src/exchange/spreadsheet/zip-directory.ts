// The table of contents of an uploaded zip (an .xlsx is one), from its central directory, each entry
// checked against its local header so that every offset lies inside the file. Sizes written in the
// zip are only used to refuse early: what an entry really inflates to is counted while inflating
// (unzip-guarded.ts), because a hostile file can declare anything. zip64 records are read (a few
// writers always emit them); split archives, encrypted entries and methods other than stored/deflate
// are refused.
import zlib from 'node:zlib';

export interface ZipEntry {
  /** As exceljs sees it: a leading "/" removed. */
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  /** What the zip claims; never trusted beyond an early refusal. */
  declaredSize: number;
  dataOffset: number;
}

export type ZipDirectory =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; problem: 'not_zip' | 'corrupt' | 'too_many' | 'encrypted' | 'method' };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U16 = 0xffff;
const U32 = 0xffffffff;

export function looksLikeZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === LOCAL;
}

function findEndRecord(buf: Buffer): number {
  // Within the last 22 bytes + a comment of at most 65,535.
  const stop = Math.max(0, buf.length - 22 - U16);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(v);
}

interface EndRecord {
  count: number;
  size: number;
  offset: number;
  disks: number;
}

function readEndRecord(buf: Buffer, eocd: number): EndRecord | null {
  const end = {
    count: buf.readUInt16LE(eocd + 10),
    size: buf.readUInt32LE(eocd + 12),
    offset: buf.readUInt32LE(eocd + 16),
    disks: buf.readUInt16LE(eocd + 4) | buf.readUInt16LE(eocd + 6),
  };
  if (end.count !== U16 && end.size !== U32 && end.offset !== U32) return end;
  const locator = eocd - 20;
  if (locator < 0 || buf.readUInt32LE(locator) !== ZIP64_LOCATOR) return null;
  const at = u64(buf, locator + 8);
  if (at + 56 > locator || buf.readUInt32LE(at) !== ZIP64_EOCD) return null;
  return {
    count: u64(buf, at + 32),
    size: u64(buf, at + 40),
    offset: u64(buf, at + 48),
    disks: buf.readUInt32LE(at + 16) | buf.readUInt32LE(at + 20),
  };
}

/** The zip64 extra field holds, in this order, only the values the header set to all-ones. */
function applyZip64(
  buf: Buffer,
  from: number,
  to: number,
  e: { size: number; compressed: number; offset: number; disk: number },
): boolean {
  for (let p = from; p + 4 <= to; ) {
    const id = buf.readUInt16LE(p);
    const len = buf.readUInt16LE(p + 2);
    if (p + 4 + len > to) return false;
    if (id === 0x0001) {
      let q = p + 4;
      const take = () => {
        if (q + 8 > p + 4 + len) return NaN;
        const v = u64(buf, q);
        q += 8;
        return v;
      };
      if (e.size === U32) e.size = take();
      if (e.compressed === U32) e.compressed = take();
      if (e.offset === U32) e.offset = take();
      if (e.disk === U16) e.disk = q + 4 <= p + 4 + len ? buf.readUInt32LE(q) : NaN;
      return [e.size, e.compressed, e.offset, e.disk].every(Number.isFinite);
    }
    p += 4 + len;
  }
  return false;
}

export function readZipDirectory(buf: Buffer, maxEntries: number): ZipDirectory {
  if (!looksLikeZip(buf)) return { ok: false, problem: 'not_zip' };
  const eocd = findEndRecord(buf);
  if (eocd < 0) return { ok: false, problem: 'corrupt' };
  const end = readEndRecord(buf, eocd);
  if (!end || end.disks !== 0) return { ok: false, problem: 'corrupt' };
  if (end.count > maxEntries) return { ok: false, problem: 'too_many' };
  if (end.offset + end.size > buf.length) return { ok: false, problem: 'corrupt' };
  const stop = end.offset + end.size;
  const entries: ZipEntry[] = [];
  let p = end.offset;
  for (let n = 0; n < end.count; n++) {
    if (p + 46 > stop || buf.readUInt32LE(p) !== CENTRAL) return { ok: false, problem: 'corrupt' };
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > stop) return { ok: false, problem: 'corrupt' };
    const e = {
      size: buf.readUInt32LE(p + 24),
      compressed: buf.readUInt32LE(p + 20),
      offset: buf.readUInt32LE(p + 42),
      disk: buf.readUInt16LE(p + 34),
    };
    if (
      (e.size === U32 || e.compressed === U32 || e.offset === U32 || e.disk === U16) &&
      !applyZip64(buf, p + 46 + nameLength, p + 46 + nameLength + extraLength, e)
    ) {
      return { ok: false, problem: 'corrupt' };
    }
    if (e.disk !== 0) return { ok: false, problem: 'corrupt' };
    // Bit 0: traditional encryption; bit 6: strong encryption.
    if ((flags & 0x41) !== 0) return { ok: false, problem: 'encrypted' };
    const name = buf
      .toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength)
      .replace(/^\//, '');
    p = next;
    if (name.endsWith('/')) continue; // a directory
    if (method !== 0 && method !== 8) return { ok: false, problem: 'method' };
    if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== LOCAL) return { ok: false, problem: 'corrupt' };
    const dataOffset = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    if (dataOffset + e.compressed > buf.length) return { ok: false, problem: 'corrupt' };
    if (method === 0 && e.compressed !== e.size) return { ok: false, problem: 'corrupt' };
    entries.push({ name, method, compressedSize: e.compressed, declaredSize: e.size, dataOffset });
  }
  return { ok: true, entries };
}

/** A zip of stored (uncompressed) entries: what exceljs is given after the checks, so that it reads
 *  exactly the bytes that were counted and never inflates anything itself. */
export function storedZip(entries: ReadonlyMap<string, Buffer>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x800, 8);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, data);
    central.push(header, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
