// The two-level model (tỉnh → xã, no district level) in force since 2025-07-01: the 69 commune-level units
// of today's Hà Tĩnh (60 xã, 9 phường; Nghị quyết 1665/NQ-UBTVQH15 of 16/6/2025), directly under the
// province, each with the 2023–2024 communes it was formed from (lineage effective 2025-07-01). The data and
// its sources are in ha-tinh-2025-units.ts (generated from ha-tinh-2025-communes.csv).
//
// Ten of them were checked earlier against the resolution's Điều 1 (item numbers below, khoản): the same
// predecessors as the CSV for all ten.
import type { SeedUnit } from './seed-types.ts';
import { ROWS } from './ha-tinh-2025-units.ts';

export const TWO_LEVEL_EFFECTIVE = '2025-07-01';
const NQ = 'Nghị quyết 1665/NQ-UBTVQH15';
/** The resolution's date (../shared/data/README.md: "Nghị quyết 1665/NQ-UBTVQH15 of 16/6/2025"). */
const NQ_DATE = '2025-06-16';

const KHOAN: Record<string, number> = {
  'Phường Thành Sen': 59,
  'Phường Trần Phú': 60,
  'Phường Bắc Hồng Lĩnh': 66,
  'Phường Nam Hồng Lĩnh': 67,
  'Xã Cổ Đạm': 35,
  'Xã Đan Hải': 36,
  'Xã Cẩm Xuyên': 12,
  'Xã Cẩm Bình': 4,
  'Xã Vũ Quang': 49,
  'Xã Hương Khê': 52,
};

const bare = (name: string) => name.replace(/^(Xã|Phường|Thị trấn) /, '');

function note(name: string, unmatched: readonly string[]): string {
  const k = KHOAN[name];
  const basis = k ? `${NQ}, Điều 1 khoản ${k}` : `${NQ}, Điều 1`;
  if (unmatched.length === 0) return `${basis}; hiệu lực từ 01/07/2025.`;
  return `${basis}; hiệu lực từ 01/07/2025. Còn được hình thành từ ${unmatched.map((u) => u.split(' (')[0]!.replace(/^Xã /, 'xã ')).join(', ')} (đơn vị thành lập ngày 01/01/2025, không có trong danh sách 2023–2024 nên không ghi liên kết).`;
}

/** The 69 current commune-level units, in the CSV's order. */
export const HA_TINH_2025_COMMUNES: SeedUnit[] = ROWS.map(([adminCode, name, from, unmatched = []]) => ({
  code: `HT.X.${bare(name).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'D').toUpperCase().replace(/[^A-Z0-9]/g, '')}`,
  name,
  type: 'commune',
  parentCode: 'HT',
  adminCode,
  activeFrom: TWO_LEVEL_EFFECTIVE,
  formedFrom: {
    codes: from,
    effectiveDate: TWO_LEVEL_EFFECTIVE,
    note: note(name, unmatched),
    legalBasis: NQ,
    legalBasisDate: NQ_DATE,
  },
}));

/** Predecessor names of the CSV that the 2023–2024 list does not have, by new unit code (see the data file). */
export const HA_TINH_2025_UNMATCHED: ReadonlyMap<string, readonly string[]> = new Map(
  ROWS.flatMap(([, name, , unmatched]) => (unmatched?.length ? [[HA_TINH_2025_COMMUNES.find((u) => u.name === name)!.code, unmatched] as const] : [])),
);
