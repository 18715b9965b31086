// Demo province for `thuocdo seed --demo`: today's Hà Tĩnh (two levels since 2025-07-01: the province, its
// sở as reorganised on 2025-03-01 and 69 commune-level units), with the former structure kept, inactive,
// for its history: the 13 district-level units and 216 communes of 2023–2024 (three levels: tỉnh → huyện →
// xã) end on 2025-06-30 (huyện Lộc Hà on 2024-12-31, merged into Thạch Hà), the five merged sở on
// 2025-02-28. Sources and uncertainties are noted at the top of each data file; overview in docs/demo.md.
import type { SeedGroup, SeedUnit } from './seed-types.ts';
import {
  HA_TINH_CENTRAL_AGENCIES,
  HA_TINH_DEPARTMENTS,
  HA_TINH_DEPARTMENTS_2024,
  HA_TINH_DEPARTMENTS_2025,
  HA_TINH_PROVINCE,
  HA_TINH_PUBLIC_SERVICE_UNITS,
} from './ha-tinh-departments.ts';
import { HA_TINH_DISTRICTS } from './ha-tinh-districts.ts';
import { HA_TINH_COMMUNES } from './ha-tinh-communes.ts';
import { HA_TINH_2025_COMMUNES } from './ha-tinh-two-level.ts';

export type { SeedGroup, SeedUnit } from './seed-types.ts';
export {
  HA_TINH_CENTRAL_AGENCIES,
  HA_TINH_DEPARTMENTS,
  HA_TINH_DEPARTMENTS_2024,
  HA_TINH_DEPARTMENTS_2025,
  HA_TINH_PROVINCE,
  HA_TINH_PUBLIC_SERVICE_UNITS,
} from './ha-tinh-departments.ts';
export { HA_TINH_DISTRICTS } from './ha-tinh-districts.ts';
export { HA_TINH_COMMUNES } from './ha-tinh-communes.ts';
export { HA_TINH_2025_COMMUNES, HA_TINH_2025_UNMATCHED, TWO_LEVEL_EFFECTIVE } from './ha-tinh-two-level.ts';

/** Last day of the three-level structure (Nghị quyết 1665/NQ-UBTVQH15: the new units operate from 1/7/2025). */
export const THREE_LEVEL_LAST_DAY = '2025-06-30';
/** Huyện Lộc Hà was merged into huyện Thạch Hà from 2025-01-01 (the 2023–2025 round). */
const LOC_HA_LAST_DAY = '2024-12-31';

const endedDistricts: SeedUnit[] = HA_TINH_DISTRICTS.map((d) =>
  d.code === 'HT.H.LHA'
    ? { ...d, activeTo: LOC_HA_LAST_DAY }
    : d.code === 'HT.H.THHA'
      ? { ...d, activeTo: THREE_LEVEL_LAST_DAY, formedFrom: { codes: ['HT.H.LHA'], effectiveDate: '2025-01-01', note: 'Nhập toàn bộ huyện Lộc Hà vào huyện Thạch Hà từ 01/01/2025 (sắp xếp giai đoạn 2023–2025).' } }
      : { ...d, activeTo: THREE_LEVEL_LAST_DAY },
);
const endedCommunes: SeedUnit[] = HA_TINH_COMMUNES.map((c) => ({ ...c, activeTo: THREE_LEVEL_LAST_DAY }));

/**
 * Every unit, parents before children: province, departments (current and merged away), central agencies,
 * public service units (after the departments that manage them), the former districts and their communes
 * (inactive from 2025-07-01), then the 69 current commune-level units (active from 2025-07-01, with lineage).
 */
export const HA_TINH_UNITS: SeedUnit[] = [
  HA_TINH_PROVINCE,
  ...HA_TINH_DEPARTMENTS,
  ...HA_TINH_CENTRAL_AGENCIES,
  ...HA_TINH_PUBLIC_SERVICE_UNITS,
  ...endedDistricts,
  ...endedCommunes,
  ...HA_TINH_2025_COMMUNES,
];

/** "Huyện Cẩm Xuyên" → "huyện Cẩm Xuyên", "Thành phố Hà Tĩnh" → "thành phố Hà Tĩnh" (as written mid-sentence). */
function inSentence(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

const codes = (units: SeedUnit[]): string[] => units.map((u) => u.code);

/**
 * Groups of units assessed together (nhóm đối tượng đánh giá). Group codes: "HT.G.<ABBR>" for today's
 * structure; the former structure's are "HT.G.CU.<ABBR>" (cũ), "HT.G.HUYEN" and the per-district commune
 * groups "HT.G.XA.<district ABBR>", e.g. "HT.G.XA.CXUYEN". Membership is fixed: a campaign copies it.
 */
export const HA_TINH_GROUPS: SeedGroup[] = [
  {
    code: 'HT.G.SBN',
    name: 'Sở, ban, ngành',
    description: `Các sở, ban, ngành thuộc UBND tỉnh sau sắp xếp từ 01/03/2025 (${HA_TINH_DEPARTMENTS_2025.length} đơn vị).`,
    unitCodes: codes(HA_TINH_DEPARTMENTS_2025),
  },
  {
    code: 'HT.G.XA',
    name: 'UBND cấp xã',
    description: `UBND các xã, phường từ 01/07/2025 (${HA_TINH_2025_COMMUNES.length} đơn vị, Nghị quyết 1665/NQ-UBTVQH15).`,
    unitCodes: codes(HA_TINH_2025_COMMUNES),
  },
  {
    code: 'HT.G.TW',
    name: 'Cơ quan Trung ương đóng trên địa bàn',
    description: 'Các cơ quan ngành dọc Trung ương đóng trên địa bàn tỉnh.',
    unitCodes: codes(HA_TINH_CENTRAL_AGENCIES),
  },
  {
    code: 'HT.G.DVSN',
    name: 'Đơn vị sự nghiệp',
    description: 'Các đơn vị sự nghiệp công lập trực thuộc UBND tỉnh hoặc các sở.',
    unitCodes: codes(HA_TINH_PUBLIC_SERVICE_UNITS),
  },
  {
    code: 'HT.G.CU.SBN',
    name: 'Sở, ban, ngành (đến 28/02/2025)',
    description: `Các sở, ban, ngành trước sắp xếp ngày 01/03/2025 (${HA_TINH_DEPARTMENTS_2024.length} đơn vị).`,
    unitCodes: codes(HA_TINH_DEPARTMENTS_2024),
  },
  {
    code: 'HT.G.HUYEN',
    name: 'UBND cấp huyện (đến 30/6/2025)',
    description: 'UBND các huyện, thị xã, thành phố thuộc tỉnh (13 đơn vị, cơ cấu 2023–2024).',
    unitCodes: codes(HA_TINH_DISTRICTS),
  },
  {
    code: 'HT.G.CU.XA',
    name: 'UBND cấp xã (đến 30/6/2025)',
    description: `UBND các xã, phường, thị trấn theo cơ cấu 2023–2024 (${HA_TINH_COMMUNES.length} đơn vị).`,
    unitCodes: codes(HA_TINH_COMMUNES),
  },
  ...HA_TINH_DISTRICTS.map((district): SeedGroup => {
    const members = HA_TINH_COMMUNES.filter((c) => c.parentCode === district.code);
    return {
      code: `HT.G.XA.${district.code.slice('HT.H.'.length)}`,
      name: `UBND cấp xã thuộc ${inSentence(district.name)}`,
      description: `UBND các xã, phường, thị trấn thuộc ${inSentence(district.name)} (${members.length} đơn vị, cơ cấu 2023–2024).`,
      unitCodes: codes(members),
    };
  }),
];
