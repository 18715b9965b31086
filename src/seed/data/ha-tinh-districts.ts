// District-level units (đơn vị hành chính cấp huyện) of Hà Tĩnh as of 2023–2024: 1 thành phố, 2 thị xã,
// 10 huyện. (From 2025-01-01 huyện Lộc Hà was merged into huyện Thạch Hà, and from 2025-07-01 the district
// level was abolished altogether; see ha-tinh-two-level.ts.)
//
// Source: danh mục đơn vị hành chính Việt Nam (Tổng cục Thống kê); `adminCode` is the official 3-digit code.
// Code scheme: "HT.H.<ABBR>", ABBR a short readable abbreviation of the name. Listed in the order of the
// official codes.
import type { SeedUnit } from './seed-types.ts';

export const HA_TINH_DISTRICTS: SeedUnit[] = [
  { code: 'HT.H.TPHT', name: 'Thành phố Hà Tĩnh', shortName: 'TP Hà Tĩnh', type: 'district', parentCode: 'HT', adminCode: '436' },
  { code: 'HT.H.HLINH', name: 'Thị xã Hồng Lĩnh', shortName: 'TX Hồng Lĩnh', type: 'district', parentCode: 'HT', adminCode: '437' },
  { code: 'HT.H.HSON', name: 'Huyện Hương Sơn', shortName: 'H. Hương Sơn', type: 'district', parentCode: 'HT', adminCode: '439' },
  { code: 'HT.H.DTHO', name: 'Huyện Đức Thọ', shortName: 'H. Đức Thọ', type: 'district', parentCode: 'HT', adminCode: '440' },
  { code: 'HT.H.VQUANG', name: 'Huyện Vũ Quang', shortName: 'H. Vũ Quang', type: 'district', parentCode: 'HT', adminCode: '441' },
  { code: 'HT.H.NXUAN', name: 'Huyện Nghi Xuân', shortName: 'H. Nghi Xuân', type: 'district', parentCode: 'HT', adminCode: '442' },
  { code: 'HT.H.CLOC', name: 'Huyện Can Lộc', shortName: 'H. Can Lộc', type: 'district', parentCode: 'HT', adminCode: '443' },
  { code: 'HT.H.HKHE', name: 'Huyện Hương Khê', shortName: 'H. Hương Khê', type: 'district', parentCode: 'HT', adminCode: '444' },
  { code: 'HT.H.THHA', name: 'Huyện Thạch Hà', shortName: 'H. Thạch Hà', type: 'district', parentCode: 'HT', adminCode: '445' },
  { code: 'HT.H.CXUYEN', name: 'Huyện Cẩm Xuyên', shortName: 'H. Cẩm Xuyên', type: 'district', parentCode: 'HT', adminCode: '446' },
  { code: 'HT.H.KANH', name: 'Huyện Kỳ Anh', shortName: 'H. Kỳ Anh', type: 'district', parentCode: 'HT', adminCode: '447' },
  { code: 'HT.H.LHA', name: 'Huyện Lộc Hà', shortName: 'H. Lộc Hà', type: 'district', parentCode: 'HT', adminCode: '448' },
  { code: 'HT.H.TXKA', name: 'Thị xã Kỳ Anh', shortName: 'TX Kỳ Anh', type: 'district', parentCode: 'HT', adminCode: '449' },
];
