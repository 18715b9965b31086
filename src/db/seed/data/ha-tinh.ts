// Demo province for `thuocdo seed --demo`: Hà Tĩnh as organised in 2023–2024 (three levels: tỉnh → huyện →
// xã, 13 district-level and 216 commune-level units), plus a sample of the two-level model in force since
// 2025-07-01. Sources and uncertainties are noted at the top of each data file.
import type { SeedGroup, SeedUnit } from './seed-types.ts';
import {
  HA_TINH_CENTRAL_AGENCIES,
  HA_TINH_DEPARTMENTS,
  HA_TINH_PROVINCE,
  HA_TINH_PUBLIC_SERVICE_UNITS,
} from './ha-tinh-departments.ts';
import { HA_TINH_DISTRICTS } from './ha-tinh-districts.ts';
import { HA_TINH_COMMUNES } from './ha-tinh-communes.ts';

export type { SeedGroup, SeedUnit } from './seed-types.ts';
export {
  HA_TINH_CENTRAL_AGENCIES,
  HA_TINH_DEPARTMENTS,
  HA_TINH_PROVINCE,
  HA_TINH_PUBLIC_SERVICE_UNITS,
} from './ha-tinh-departments.ts';
export { HA_TINH_DISTRICTS } from './ha-tinh-districts.ts';
export { HA_TINH_COMMUNES } from './ha-tinh-communes.ts';
export { HA_TINH_TWO_LEVEL_EXAMPLE } from './ha-tinh-two-level.ts';

/**
 * Every unit of the 2023–2024 structure, parents before children: province, departments, central agencies,
 * public service units (after the departments that manage them), districts, then communes district by district.
 */
export const HA_TINH_UNITS: SeedUnit[] = [
  HA_TINH_PROVINCE,
  ...HA_TINH_DEPARTMENTS,
  ...HA_TINH_CENTRAL_AGENCIES,
  ...HA_TINH_PUBLIC_SERVICE_UNITS,
  ...HA_TINH_DISTRICTS,
  ...HA_TINH_COMMUNES,
];

/** "Huyện Cẩm Xuyên" → "huyện Cẩm Xuyên", "Thành phố Hà Tĩnh" → "thành phố Hà Tĩnh" (as written mid-sentence). */
function inSentence(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

const codes = (units: SeedUnit[]): string[] => units.map((u) => u.code);

/**
 * Groups of units assessed together (nhóm đối tượng đánh giá). Group codes: "HT.G.<ABBR>"; the per-district
 * commune groups are "HT.G.XA.<district ABBR>", e.g. "HT.G.XA.CXUYEN".
 */
export const HA_TINH_GROUPS: SeedGroup[] = [
  {
    code: 'HT.G.SBN',
    name: 'Sở, ban, ngành',
    description: 'Các sở, ban, ngành thuộc UBND tỉnh.',
    unitCodes: codes(HA_TINH_DEPARTMENTS),
  },
  {
    code: 'HT.G.TW',
    name: 'Cơ quan Trung ương đóng trên địa bàn',
    description: 'Các cơ quan ngành dọc Trung ương đóng trên địa bàn tỉnh.',
    unitCodes: codes(HA_TINH_CENTRAL_AGENCIES),
  },
  {
    code: 'HT.G.HUYEN',
    name: 'UBND cấp huyện',
    description: 'UBND các huyện, thị xã, thành phố thuộc tỉnh (13 đơn vị).',
    unitCodes: codes(HA_TINH_DISTRICTS),
  },
  {
    code: 'HT.G.XA',
    name: 'UBND cấp xã',
    description: `UBND các xã, phường, thị trấn (${HA_TINH_COMMUNES.length} đơn vị).`,
    unitCodes: codes(HA_TINH_COMMUNES),
  },
  ...HA_TINH_DISTRICTS.map((district): SeedGroup => {
    const members = HA_TINH_COMMUNES.filter((c) => c.parentCode === district.code);
    return {
      code: `HT.G.XA.${district.code.slice('HT.H.'.length)}`,
      name: `UBND cấp xã thuộc ${inSentence(district.name)}`,
      description: `UBND các xã, phường, thị trấn thuộc ${inSentence(district.name)} (${members.length} đơn vị).`,
      unitCodes: codes(members),
    };
  }),
  {
    code: 'HT.G.DVSN',
    name: 'Đơn vị sự nghiệp',
    description: 'Các đơn vị sự nghiệp công lập trực thuộc UBND tỉnh hoặc các sở.',
    unitCodes: codes(HA_TINH_PUBLIC_SERVICE_UNITS),
  },
];
