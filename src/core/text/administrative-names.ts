// Names of issuing bodies as Vietnamese administrative documents write them (Nghị định 30/2020/NĐ-CP, Phụ lục I):
// the People's Committee of a locality heads its documents "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH" — not "TỈNH HÀ TĨNH" —
// cites itself in a sentence as "Ủy ban nhân dân tỉnh Hà Tĩnh", and dates them at "Hà Tĩnh, ngày … tháng … năm …".

const LOCALITY = /^(tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn|đặc khu)\s+(.+)$/iu;
const COMMITTEE = /^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+(.+)$/iu;

/** The locality the unit governs ("Tỉnh Hà Tĩnh", "UBND tỉnh Hà Tĩnh"), or null for a department or other body. */
function locality(name: string): { kind: string; place: string } | null {
  const trimmed = name.normalize('NFC').trim();
  const inner = COMMITTEE.exec(trimmed)?.[2] ?? trimmed;
  const m = LOCALITY.exec(inner);
  return m ? { kind: m[1]!.toLocaleLowerCase('vi-VN'), place: m[2]!.trim() } : null;
}

/** The heading line: "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"; another body ("Sở …") in capitals as named. */
export function issuingBodyHeading(unitName: string): string {
  const l = locality(unitName);
  return (l ? `Ủy ban nhân dân ${l.kind} ${l.place}` : unitName.trim()).toLocaleUpperCase('vi-VN');
}

/** In a sentence: "Ủy ban nhân dân tỉnh Hà Tĩnh"; another body as named. */
export function issuingBodyInSentence(unitName: string): string {
  const l = locality(unitName);
  return l ? `Ủy ban nhân dân ${l.kind} ${l.place}` : unitName.trim();
}

/**
 * "Hà Tĩnh, ngày 20 tháng 12 năm 2025". ND 30 (Phụ lục I, mục 5): a day below 10 and the months 1 and 2 take a
 * leading zero ("ngày 05 tháng 02"), other months do not ("tháng 3").
 */
export function placeAndDate(unitName: string, isoDate: string): string {
  const l = locality(unitName);
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${l ? l.place : unitName.trim()}, ngày ${pad(d)} tháng ${m < 3 ? pad(m) : String(m)} năm ${y}`;
}
