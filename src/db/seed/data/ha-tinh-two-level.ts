// The two-level model (tỉnh → xã, no district level) in force since 2025-07-01: a sample of the commune-level
// units of the new Hà Tĩnh, each with the old (2023–2024) communes it was formed from.
//
// Source: Nghị quyết 1665/NQ-UBTVQH15 of 2025-06-16 on the reorganisation of Hà Tĩnh's commune-level units
// (69 units afterwards: 60 xã, 9 phường; the new units operate from 2025-07-01). The ten examples below are
// real, taken from its Điều 1 (item numbers in the notes), not invented; they are a sample, not the full 69.
// The resolution lists the units as they stood in mid-2025, after a first round of changes on 2025-01-01
// (Nghị quyết of the 2023–2025 round: a few xã became phường, huyện Lộc Hà was merged into Thạch Hà). The
// examples were chosen so that every constituent still maps to exactly one unit of the 2023–2024 snapshot
// in ha-tinh-communes.ts, whose codes `formedFrom.codes` uses. Official 5-digit codes of the new units are not
// given (not known with certainty).
//
// Code scheme: "HT.X.<NAME>", directly under the province; NAME is built as for the old communes
// (no diacritics, upper case), so "HT.X.CODAM" (new, 2025) and "HT.H.NXUAN.X.CODAM" (old) never collide.
import type { SeedUnit } from './seed-types.ts';

const EFFECTIVE = '2025-07-01';
const NQ = 'Nghị quyết 1665/NQ-UBTVQH15';

export const HA_TINH_TWO_LEVEL_EXAMPLE: SeedUnit[] = [
  {
    code: 'HT.X.THANHSEN',
    name: 'Phường Thành Sen',
    type: 'commune',
    parentCode: 'HT',
    activeFrom: EFFECTIVE,
    formedFrom: {
      codes: [
        'HT.H.TPHT.X.BACHA',
        'HT.H.TPHT.X.THACHQUY',
        'HT.H.TPHT.X.TANGIANG',
        'HT.H.TPHT.X.THACHHUNG',
        'HT.H.TPHT.X.NAMHA',
        'HT.H.TPHT.X.TRANPHU',
        'HT.H.TPHT.X.HAHUYTAP',
        'HT.H.TPHT.X.VANYEN',
        'HT.H.TPHT.X.DAINAI',
      ],
      effectiveDate: EFFECTIVE,
      note: `${NQ}, khoản 59: toàn bộ 8 phường và một phần phường Đại Nài (phần còn lại vào phường Hà Huy Tập mới).`,
    },
  },
  {
    code: 'HT.X.TRANPHU',
    name: 'Phường Trần Phú',
    type: 'commune',
    parentCode: 'HT',
    activeFrom: EFFECTIVE,
    formedFrom: {
      codes: ['HT.H.TPHT.X.THACHTRUNG', 'HT.H.TPHT.X.DONGMON', 'HT.H.TPHT.X.THACHHA', 'HT.H.LHA.X.HODO'],
      effectiveDate: EFFECTIVE,
      note: `${NQ}, khoản 60. Cùng tên với phường Trần Phú cũ nhưng là đơn vị khác (phường Trần Phú cũ vào phường Thành Sen).`,
    },
  },
  {
    code: 'HT.X.BACHONGLINH',
    name: 'Phường Bắc Hồng Lĩnh',
    type: 'commune',
    parentCode: 'HT',
    activeFrom: EFFECTIVE,
    formedFrom: {
      codes: ['HT.H.HLINH.X.BACHONG', 'HT.H.HLINH.X.DUCTHUAN', 'HT.H.HLINH.X.TRUNGLUONG', 'HT.H.NXUAN.X.XUANLAM'],
      effectiveDate: EFFECTIVE,
      note: `${NQ}, khoản 66 (gồm cả xã Xuân Lam của huyện Nghi Xuân cũ).`,
    },
  },
  {
    code: 'HT.X.NAMHONGLINH',
    name: 'Phường Nam Hồng Lĩnh',
    type: 'commune',
    parentCode: 'HT',
    activeFrom: EFFECTIVE,
    formedFrom: {
      codes: ['HT.H.HLINH.X.NAMHONG', 'HT.H.HLINH.X.DAULIEU', 'HT.H.HLINH.X.THUANLOC'],
      effectiveDate: EFFECTIVE,
      note: `${NQ}, khoản 67.`,
    },
  },
  {
    code: 'HT.X.CODAM',
    name: 'Xã Cổ Đạm',
    type: 'commune',
    parentCode: 'HT',
    activeFrom: EFFECTIVE,
    formedFrom: {
      codes: ['HT.H.NXUAN.X.CUONGGIAN', 'HT.H.NXUAN.X.XUANLIEN', 'HT.H.NXUAN.X.CODAM'],
      effectiveDate: EFFECTIVE,
      note: `${NQ}, khoản 35.`,
    },
  },
  {
    code: 'HT.X.DANHAI',
    name: 'Xã Đan Hải',
    type: 'commune',
    parentCode: 'HT',
    activeFrom: EFFECTIVE,
    formedFrom: {
      codes: ['HT.H.NXUAN.X.DANTRUONG', 'HT.H.NXUAN.X.XUANHAI', 'HT.H.NXUAN.X.XUANHOI', 'HT.H.NXUAN.X.XUANPHO'],
      effectiveDate: EFFECTIVE,
      note: `${NQ}, khoản 36.`,
    },
  },
  {
    code: 'HT.X.CAMXUYEN',
    name: 'Xã Cẩm Xuyên',
    type: 'commune',
    parentCode: 'HT',
    activeFrom: EFFECTIVE,
    formedFrom: {
      codes: ['HT.H.CXUYEN.X.CAMXUYEN', 'HT.H.CXUYEN.X.CAMQUANG', 'HT.H.CXUYEN.X.CAMQUAN'],
      effectiveDate: EFFECTIVE,
      note: `${NQ}, khoản 12: thị trấn Cẩm Xuyên, xã Cẩm Quang và xã Cẩm Quan.`,
    },
  },
  {
    code: 'HT.X.CAMBINH',
    name: 'Xã Cẩm Bình',
    type: 'commune',
    parentCode: 'HT',
    activeFrom: EFFECTIVE,
    formedFrom: {
      codes: ['HT.H.CXUYEN.X.CAMVINH', 'HT.H.TPHT.X.THACHBINH', 'HT.H.CXUYEN.X.CAMTHANH', 'HT.H.CXUYEN.X.CAMBINH'],
      effectiveDate: EFFECTIVE,
      note: `${NQ}, khoản 4 (gồm cả xã Thạch Bình của thành phố Hà Tĩnh cũ).`,
    },
  },
  {
    code: 'HT.X.VUQUANG',
    name: 'Xã Vũ Quang',
    type: 'commune',
    parentCode: 'HT',
    activeFrom: EFFECTIVE,
    formedFrom: {
      codes: ['HT.H.VQUANG.X.VUQUANG', 'HT.H.VQUANG.X.HUONGMINH', 'HT.H.VQUANG.X.QUANGTHO', 'HT.H.VQUANG.X.THODIEN'],
      effectiveDate: EFFECTIVE,
      note: `${NQ}, khoản 49.`,
    },
  },
  {
    code: 'HT.X.HUONGKHE',
    name: 'Xã Hương Khê',
    type: 'commune',
    parentCode: 'HT',
    activeFrom: EFFECTIVE,
    formedFrom: {
      codes: ['HT.H.HKHE.X.HUONGKHE', 'HT.H.HKHE.X.HUONGLONG', 'HT.H.HKHE.X.PHUGIA'],
      effectiveDate: EFFECTIVE,
      note: `${NQ}, khoản 52.`,
    },
  },
];
