// Entry names of a ZIP package, enough to tell DOCX/XLSX/ODF from a plain archive. The central directory
// at the end is authoritative; the local file headers from the start are read too (the first entries of
// an OOXML or ODF package are its markers), so a package with a damaged tail is still recognised.
import type { ByteSource } from './sniff.ts';

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const MAX_ENTRIES = 5000;
const MAX_CENTRAL_BYTES = 4 * 1024 * 1024;

export async function zipEntryNames(src: ByteSource): Promise<string[]> {
  const local = (await localEntries(src)).map((e) => e.name);
  const central = await centralNames(src);
  return [...new Set([...local, ...central])];
}

/** Text of a stored (uncompressed) entry among the first local headers: ODF's `mimetype`. */
export async function zipStoredEntryText(src: ByteSource, name: string): Promise<string | null> {
  const entry = (await localEntries(src)).find((e) => e.name === name);
  if (!entry || entry.method !== 0 || entry.compressedSize > 256) return null;
  return (await src.read(entry.dataOffset, entry.compressedSize)).toString('latin1');
}

interface LocalEntry {
  name: string;
  method: number;
  compressedSize: number;
  dataOffset: number;
}

async function localEntries(src: ByteSource, maxEntries = 64): Promise<LocalEntry[]> {
  const entries: LocalEntry[] = [];
  let offset = 0;
  while (entries.length < maxEntries && offset + 30 <= src.size) {
    const h = await src.read(offset, 30);
    if (h.length < 30 || h.readUInt32LE(0) !== LOCAL_SIG) break;
    const flags = h.readUInt16LE(6);
    const method = h.readUInt16LE(8);
    const compressedSize = h.readUInt32LE(18);
    const nameLength = h.readUInt16LE(26);
    const extraLength = h.readUInt16LE(28);
    const name = (await src.read(offset + 30, nameLength)).toString('utf8');
    const dataOffset = offset + 30 + nameLength + extraLength;
    entries.push({ name, method, compressedSize, dataOffset });
    // Sizes deferred to a data descriptor (bit 3) or ZIP64: the next header cannot be located from here.
    if ((flags & 0x08) !== 0 || compressedSize === 0xffffffff) break;
    offset = dataOffset + compressedSize;
  }
  return entries;
}

async function centralNames(src: ByteSource): Promise<string[]> {
  const tailLength = Math.min(src.size, 22 + 0xffff);
  const tail = await src.read(src.size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_SIG) {
      end = i;
      break;
    }
  }
  if (end < 0) return [];
  const count = tail.readUInt16LE(end + 10);
  const size = tail.readUInt32LE(end + 12);
  const start = tail.readUInt32LE(end + 16);
  if (size > MAX_CENTRAL_BYTES || start + size > src.size) return [];
  const dir = await src.read(start, size);
  const names: string[] = [];
  let p = 0;
  for (let n = 0; n < Math.min(count, MAX_ENTRIES) && p + 46 <= dir.length; n++) {
    if (dir.readUInt32LE(p) !== CENTRAL_SIG) break;
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    names.push(dir.subarray(p + 46, p + 46 + nameLength).toString('utf8'));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
