// Names in the directory of an OLE2 compound file (legacy .doc/.xls, but also .msi installers, .ppt,
// .msg): the directory is a chain of sectors located through the FAT, itself located through the DIFAT.
// Bounded everywhere (sector counts, cycles) because the bytes come from strangers.
import type { ByteSource } from './sniff.ts';

const END_OF_CHAIN = 0xfffffffe;
const MAX_DIRECTORY_SECTORS = 256;
const MAX_DIFAT_SECTORS = 64;

export async function oleStreamNames(src: ByteSource): Promise<string[]> {
  const header = await src.read(0, 512);
  if (header.length < 512) return [];
  const shift = header.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return [];
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const sectorOffset = (n: number) => (n + 1) * sectorSize;

  const difat: number[] = [];
  for (let i = 0; i < 109; i++) difat.push(header.readUInt32LE(0x4c + i * 4));
  let difatSector = header.readUInt32LE(0x44);
  for (let i = 0; i < MAX_DIFAT_SECTORS && difatSector < END_OF_CHAIN; i++) {
    const s = await src.read(sectorOffset(difatSector), sectorSize);
    if (s.length < sectorSize) break;
    for (let j = 0; j < perSector - 1; j++) difat.push(s.readUInt32LE(j * 4));
    difatSector = s.readUInt32LE((perSector - 1) * 4);
  }

  const nextSector = async (n: number): Promise<number> => {
    const fatSector = difat[Math.floor(n / perSector)];
    if (fatSector === undefined || fatSector >= END_OF_CHAIN) return END_OF_CHAIN;
    const b = await src.read(sectorOffset(fatSector) + (n % perSector) * 4, 4);
    return b.length === 4 ? b.readUInt32LE(0) : END_OF_CHAIN;
  };

  const names: string[] = [];
  const seen = new Set<number>();
  let sector = header.readUInt32LE(0x30);
  while (sector < END_OF_CHAIN && !seen.has(sector) && seen.size < MAX_DIRECTORY_SECTORS) {
    seen.add(sector);
    const s = await src.read(sectorOffset(sector), sectorSize);
    for (let off = 0; off + 128 <= s.length; off += 128) {
      const nameBytes = s.readUInt16LE(off + 0x40);
      const type = s[off + 0x42];
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      names.push(s.subarray(off, off + nameBytes - 2).toString('utf16le'));
    }
    sector = await nextSector(sector);
  }
  return names;
}
