// Commune-level units (xã, phường, thị trấn) of Hà Tĩnh as of 2023–2024, i.e. after the 2019–2020
// mergers and before the changes of the 2023–2025 round that took effect on 2025-01-01: 216 units in 13
// district-level units.
//
// Source: the official list of administrative units (danh mục đơn vị hành chính Việt Nam, Tổng cục Thống
// kê) in the state it had from 2020 (copy taken in late 2021; no change in Hà Tĩnh is known between then and
// 2025-01-01). Names and 5-digit codes (mã đơn vị hành chính) are copied from it; all 216 are real, none
// invented. Three spelling fixes against that list:
// "Xã Cẩm Vịnh" (the list has "Cẩm Vĩnh"), "Xã Cổ Đạm" (list: "Cỗ Đạm") and "Thị trấn Tây Sơn" (stray
// double space) — the fixed spellings are the ones Nghị quyết 1665/NQ-UBTVQH15 uses.
//
// Code scheme: "<district code>.X.<NAME>", NAME = the commune's name without "Xã/Phường/Thị trấn", without
// diacritics, upper case, letters and digits only (e.g. "HT.H.CXUYEN.X.CAMBINH"). The official code is kept in
// `adminCode`. Within a district, communes are listed in the order of the official list.
import type { SeedUnit } from './seed-types.ts';

/** Thành phố Hà Tĩnh: 15 đơn vị cấp xã. */
export const COMMUNES_TPHT: SeedUnit[] = [
  { code: 'HT.H.TPHT.X.TRANPHU', name: 'Phường Trần Phú', type: 'commune', parentCode: 'HT.H.TPHT', adminCode: '18070' },
  { code: 'HT.H.TPHT.X.NAMHA', name: 'Phường Nam Hà', type: 'commune', parentCode: 'HT.H.TPHT', adminCode: '18073' },
  { code: 'HT.H.TPHT.X.BACHA', name: 'Phường Bắc Hà', type: 'commune', parentCode: 'HT.H.TPHT', adminCode: '18076' },
  { code: 'HT.H.TPHT.X.NGUYENDU', name: 'Phường Nguyễn Du', type: 'commune', parentCode: 'HT.H.TPHT', adminCode: '18077' },
  { code: 'HT.H.TPHT.X.TANGIANG', name: 'Phường Tân Giang', type: 'commune', parentCode: 'HT.H.TPHT', adminCode: '18079' },
  { code: 'HT.H.TPHT.X.DAINAI', name: 'Phường Đại Nài', type: 'commune', parentCode: 'HT.H.TPHT', adminCode: '18082' },
  { code: 'HT.H.TPHT.X.HAHUYTAP', name: 'Phường Hà Huy Tập', type: 'commune', parentCode: 'HT.H.TPHT', adminCode: '18085' },
  { code: 'HT.H.TPHT.X.THACHTRUNG', name: 'Xã Thạch Trung', type: 'commune', parentCode: 'HT.H.TPHT', adminCode: '18088' },
  { code: 'HT.H.TPHT.X.THACHQUY', name: 'Phường Thạch Quý', type: 'commune', parentCode: 'HT.H.TPHT', adminCode: '18091' },
  { code: 'HT.H.TPHT.X.THACHLINH', name: 'Phường Thạch Linh', type: 'commune', parentCode: 'HT.H.TPHT', adminCode: '18094' },
  { code: 'HT.H.TPHT.X.VANYEN', name: 'Phường Văn Yên', type: 'commune', parentCode: 'HT.H.TPHT', adminCode: '18097' },
  { code: 'HT.H.TPHT.X.THACHHA', name: 'Xã Thạch Hạ', type: 'commune', parentCode: 'HT.H.TPHT', adminCode: '18100' },
  { code: 'HT.H.TPHT.X.DONGMON', name: 'Xã Đồng Môn', type: 'commune', parentCode: 'HT.H.TPHT', adminCode: '18103' },
  { code: 'HT.H.TPHT.X.THACHHUNG', name: 'Xã Thạch Hưng', type: 'commune', parentCode: 'HT.H.TPHT', adminCode: '18109' },
  { code: 'HT.H.TPHT.X.THACHBINH', name: 'Xã Thạch Bình', type: 'commune', parentCode: 'HT.H.TPHT', adminCode: '18112' },
];

/** Thị xã Hồng Lĩnh: 6 đơn vị cấp xã. */
export const COMMUNES_HLINH: SeedUnit[] = [
  { code: 'HT.H.HLINH.X.BACHONG', name: 'Phường Bắc Hồng', type: 'commune', parentCode: 'HT.H.HLINH', adminCode: '18115' },
  { code: 'HT.H.HLINH.X.NAMHONG', name: 'Phường Nam Hồng', type: 'commune', parentCode: 'HT.H.HLINH', adminCode: '18118' },
  { code: 'HT.H.HLINH.X.TRUNGLUONG', name: 'Phường Trung Lương', type: 'commune', parentCode: 'HT.H.HLINH', adminCode: '18121' },
  { code: 'HT.H.HLINH.X.DUCTHUAN', name: 'Phường Đức Thuận', type: 'commune', parentCode: 'HT.H.HLINH', adminCode: '18124' },
  { code: 'HT.H.HLINH.X.DAULIEU', name: 'Phường Đậu Liêu', type: 'commune', parentCode: 'HT.H.HLINH', adminCode: '18127' },
  { code: 'HT.H.HLINH.X.THUANLOC', name: 'Xã Thuận Lộc', type: 'commune', parentCode: 'HT.H.HLINH', adminCode: '18130' },
];

/** Huyện Hương Sơn: 25 đơn vị cấp xã. */
export const COMMUNES_HSON: SeedUnit[] = [
  { code: 'HT.H.HSON.X.PHOCHAU', name: 'Thị trấn Phố Châu', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18133' },
  { code: 'HT.H.HSON.X.TAYSON', name: 'Thị trấn Tây Sơn', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18136' },
  { code: 'HT.H.HSON.X.SONHONG', name: 'Xã Sơn Hồng', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18139' },
  { code: 'HT.H.HSON.X.SONTIEN', name: 'Xã Sơn Tiến', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18142' },
  { code: 'HT.H.HSON.X.SONLAM', name: 'Xã Sơn Lâm', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18145' },
  { code: 'HT.H.HSON.X.SONLE', name: 'Xã Sơn Lễ', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18148' },
  { code: 'HT.H.HSON.X.ANHOATHINH', name: 'Xã An Hòa Thịnh', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18151' },
  { code: 'HT.H.HSON.X.SONGIANG', name: 'Xã Sơn Giang', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18157' },
  { code: 'HT.H.HSON.X.SONLINH', name: 'Xã Sơn Lĩnh', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18160' },
  { code: 'HT.H.HSON.X.TANMYHA', name: 'Xã Tân Mỹ Hà', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18166' },
  { code: 'HT.H.HSON.X.SONTAY', name: 'Xã Sơn Tây', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18172' },
  { code: 'HT.H.HSON.X.SONNINH', name: 'Xã Sơn Ninh', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18175' },
  { code: 'HT.H.HSON.X.SONCHAU', name: 'Xã Sơn Châu', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18178' },
  { code: 'HT.H.HSON.X.SONTRUNG', name: 'Xã Sơn Trung', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18187' },
  { code: 'HT.H.HSON.X.SONBANG', name: 'Xã Sơn Bằng', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18190' },
  { code: 'HT.H.HSON.X.SONBINH', name: 'Xã Sơn Bình', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18193' },
  { code: 'HT.H.HSON.X.SONKIM1', name: 'Xã Sơn Kim 1', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18196' },
  { code: 'HT.H.HSON.X.SONKIM2', name: 'Xã Sơn Kim 2', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18199' },
  { code: 'HT.H.HSON.X.SONTRA', name: 'Xã Sơn Trà', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18202' },
  { code: 'HT.H.HSON.X.SONLONG', name: 'Xã Sơn Long', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18205' },
  { code: 'HT.H.HSON.X.QUANGDIEM', name: 'Xã Quang Diệm', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18208' },
  { code: 'HT.H.HSON.X.KIMHOA', name: 'Xã Kim Hoa', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18211' },
  { code: 'HT.H.HSON.X.SONHAM', name: 'Xã Sơn Hàm', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18214' },
  { code: 'HT.H.HSON.X.SONPHU', name: 'Xã Sơn Phú', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18217' },
  { code: 'HT.H.HSON.X.SONTRUONG', name: 'Xã Sơn Trường', type: 'commune', parentCode: 'HT.H.HSON', adminCode: '18223' },
];

/** Huyện Đức Thọ: 16 đơn vị cấp xã. */
export const COMMUNES_DTHO: SeedUnit[] = [
  { code: 'HT.H.DTHO.X.DUCTHO', name: 'Thị trấn Đức Thọ', type: 'commune', parentCode: 'HT.H.DTHO', adminCode: '18229' },
  { code: 'HT.H.DTHO.X.QUANGVINH', name: 'Xã Quang Vĩnh', type: 'commune', parentCode: 'HT.H.DTHO', adminCode: '18232' },
  { code: 'HT.H.DTHO.X.TUNGCHAU', name: 'Xã Tùng Châu', type: 'commune', parentCode: 'HT.H.DTHO', adminCode: '18238' },
  { code: 'HT.H.DTHO.X.TRUONGSON', name: 'Xã Trường Sơn', type: 'commune', parentCode: 'HT.H.DTHO', adminCode: '18244' },
  { code: 'HT.H.DTHO.X.LIENMINH', name: 'Xã Liên Minh', type: 'commune', parentCode: 'HT.H.DTHO', adminCode: '18247' },
  { code: 'HT.H.DTHO.X.YENHO', name: 'Xã Yên Hồ', type: 'commune', parentCode: 'HT.H.DTHO', adminCode: '18253' },
  { code: 'HT.H.DTHO.X.TUNGANH', name: 'Xã Tùng Ảnh', type: 'commune', parentCode: 'HT.H.DTHO', adminCode: '18259' },
  { code: 'HT.H.DTHO.X.BUILANHAN', name: 'Xã Bùi La Nhân', type: 'commune', parentCode: 'HT.H.DTHO', adminCode: '18262' },
  { code: 'HT.H.DTHO.X.HOALAC', name: 'Xã Hòa Lạc', type: 'commune', parentCode: 'HT.H.DTHO', adminCode: '18280' },
  { code: 'HT.H.DTHO.X.TANDAN', name: 'Xã Tân Dân', type: 'commune', parentCode: 'HT.H.DTHO', adminCode: '18283' },
  { code: 'HT.H.DTHO.X.LAMTRUNGTHUY', name: 'Xã Lâm Trung Thủy', type: 'commune', parentCode: 'HT.H.DTHO', adminCode: '18286' },
  { code: 'HT.H.DTHO.X.THANHBINHTHINH', name: 'Xã Thanh Bình Thịnh', type: 'commune', parentCode: 'HT.H.DTHO', adminCode: '18289' },
  { code: 'HT.H.DTHO.X.ANDUNG', name: 'Xã An Dũng', type: 'commune', parentCode: 'HT.H.DTHO', adminCode: '18298' },
  { code: 'HT.H.DTHO.X.DUCDONG', name: 'Xã Đức Đồng', type: 'commune', parentCode: 'HT.H.DTHO', adminCode: '18304' },
  { code: 'HT.H.DTHO.X.DUCLANG', name: 'Xã Đức Lạng', type: 'commune', parentCode: 'HT.H.DTHO', adminCode: '18307' },
  { code: 'HT.H.DTHO.X.TANHUONG', name: 'Xã Tân Hương', type: 'commune', parentCode: 'HT.H.DTHO', adminCode: '18310' },
];

/** Huyện Vũ Quang: 10 đơn vị cấp xã. */
export const COMMUNES_VQUANG: SeedUnit[] = [
  { code: 'HT.H.VQUANG.X.VUQUANG', name: 'Thị trấn Vũ Quang', type: 'commune', parentCode: 'HT.H.VQUANG', adminCode: '18313' },
  { code: 'HT.H.VQUANG.X.ANPHU', name: 'Xã Ân Phú', type: 'commune', parentCode: 'HT.H.VQUANG', adminCode: '18316' },
  { code: 'HT.H.VQUANG.X.DUCGIANG', name: 'Xã Đức Giang', type: 'commune', parentCode: 'HT.H.VQUANG', adminCode: '18319' },
  { code: 'HT.H.VQUANG.X.DUCLINH', name: 'Xã Đức Lĩnh', type: 'commune', parentCode: 'HT.H.VQUANG', adminCode: '18322' },
  { code: 'HT.H.VQUANG.X.DUCHUONG', name: 'Xã Đức Hương', type: 'commune', parentCode: 'HT.H.VQUANG', adminCode: '18328' },
  { code: 'HT.H.VQUANG.X.DUCBONG', name: 'Xã Đức Bồng', type: 'commune', parentCode: 'HT.H.VQUANG', adminCode: '18331' },
  { code: 'HT.H.VQUANG.X.DUCLIEN', name: 'Xã Đức Liên', type: 'commune', parentCode: 'HT.H.VQUANG', adminCode: '18334' },
  { code: 'HT.H.VQUANG.X.THODIEN', name: 'Xã Thọ Điền', type: 'commune', parentCode: 'HT.H.VQUANG', adminCode: '18337' },
  { code: 'HT.H.VQUANG.X.HUONGMINH', name: 'Xã Hương Minh', type: 'commune', parentCode: 'HT.H.VQUANG', adminCode: '18340' },
  { code: 'HT.H.VQUANG.X.QUANGTHO', name: 'Xã Quang Thọ', type: 'commune', parentCode: 'HT.H.VQUANG', adminCode: '18346' },
];

/** Huyện Nghi Xuân: 17 đơn vị cấp xã. */
export const COMMUNES_NXUAN: SeedUnit[] = [
  { code: 'HT.H.NXUAN.X.TIENDIEN', name: 'Thị trấn Tiên Điền', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18349' },
  { code: 'HT.H.NXUAN.X.XUANAN', name: 'Thị trấn Xuân An', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18352' },
  { code: 'HT.H.NXUAN.X.XUANHOI', name: 'Xã Xuân Hội', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18355' },
  { code: 'HT.H.NXUAN.X.DANTRUONG', name: 'Xã Đan Trường', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18358' },
  { code: 'HT.H.NXUAN.X.XUANPHO', name: 'Xã Xuân Phổ', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18364' },
  { code: 'HT.H.NXUAN.X.XUANHAI', name: 'Xã Xuân Hải', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18367' },
  { code: 'HT.H.NXUAN.X.XUANGIANG', name: 'Xã Xuân Giang', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18370' },
  { code: 'HT.H.NXUAN.X.XUANYEN', name: 'Xã Xuân Yên', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18376' },
  { code: 'HT.H.NXUAN.X.XUANMY', name: 'Xã Xuân Mỹ', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18379' },
  { code: 'HT.H.NXUAN.X.XUANTHANH', name: 'Xã Xuân Thành', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18382' },
  { code: 'HT.H.NXUAN.X.XUANVIEN', name: 'Xã Xuân Viên', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18385' },
  { code: 'HT.H.NXUAN.X.XUANHONG', name: 'Xã Xuân Hồng', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18388' },
  { code: 'HT.H.NXUAN.X.CODAM', name: 'Xã Cổ Đạm', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18391' },
  { code: 'HT.H.NXUAN.X.XUANLIEN', name: 'Xã Xuân Liên', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18394' },
  { code: 'HT.H.NXUAN.X.XUANLINH', name: 'Xã Xuân Lĩnh', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18397' },
  { code: 'HT.H.NXUAN.X.XUANLAM', name: 'Xã Xuân Lam', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18400' },
  { code: 'HT.H.NXUAN.X.CUONGGIAN', name: 'Xã Cương Gián', type: 'commune', parentCode: 'HT.H.NXUAN', adminCode: '18403' },
];

/** Huyện Can Lộc: 18 đơn vị cấp xã. */
export const COMMUNES_CLOC: SeedUnit[] = [
  { code: 'HT.H.CLOC.X.NGHEN', name: 'Thị trấn Nghèn', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18406' },
  { code: 'HT.H.CLOC.X.THIENLOC', name: 'Xã Thiên Lộc', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18415' },
  { code: 'HT.H.CLOC.X.THUANTHIEN', name: 'Xã Thuần Thiện', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18418' },
  { code: 'HT.H.CLOC.X.KIMSONGTRUONG', name: 'Xã Kim Song Trường', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18424' },
  { code: 'HT.H.CLOC.X.VUONGLOC', name: 'Xã Vượng Lộc', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18427' },
  { code: 'HT.H.CLOC.X.THANHLOC', name: 'Xã Thanh Lộc', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18433' },
  { code: 'HT.H.CLOC.X.THUONGNGA', name: 'Xã Thường Nga', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18439' },
  { code: 'HT.H.CLOC.X.TUNGLOC', name: 'Xã Tùng Lộc', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18445' },
  { code: 'HT.H.CLOC.X.PHULOC', name: 'Xã Phú Lộc', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18454' },
  { code: 'HT.H.CLOC.X.KHANHVINHYEN', name: 'Xã Khánh Vĩnh Yên', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18460' },
  { code: 'HT.H.CLOC.X.GIAHANH', name: 'Xã Gia Hanh', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18463' },
  { code: 'HT.H.CLOC.X.TRUNGLOC', name: 'Xã Trung Lộc', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18472' },
  { code: 'HT.H.CLOC.X.XUANLOC', name: 'Xã Xuân Lộc', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18475' },
  { code: 'HT.H.CLOC.X.THUONGLOC', name: 'Xã Thượng Lộc', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18478' },
  { code: 'HT.H.CLOC.X.QUANGLOC', name: 'Xã Quang Lộc', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18481' },
  { code: 'HT.H.CLOC.X.DONGLOC', name: 'Thị trấn Đồng Lộc', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18484' },
  { code: 'HT.H.CLOC.X.MYLOC', name: 'Xã Mỹ Lộc', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18487' },
  { code: 'HT.H.CLOC.X.SONLOC', name: 'Xã Sơn Lộc', type: 'commune', parentCode: 'HT.H.CLOC', adminCode: '18490' },
];

/** Huyện Hương Khê: 21 đơn vị cấp xã. */
export const COMMUNES_HKHE: SeedUnit[] = [
  { code: 'HT.H.HKHE.X.HUONGKHE', name: 'Thị trấn Hương Khê', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18496' },
  { code: 'HT.H.HKHE.X.DIENMY', name: 'Xã Điền Mỹ', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18499' },
  { code: 'HT.H.HKHE.X.HALINH', name: 'Xã Hà Linh', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18502' },
  { code: 'HT.H.HKHE.X.HUONGTHUY', name: 'Xã Hương Thủy', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18505' },
  { code: 'HT.H.HKHE.X.HOAHAI', name: 'Xã Hòa Hải', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18508' },
  { code: 'HT.H.HKHE.X.PHUCDONG', name: 'Xã Phúc Đồng', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18514' },
  { code: 'HT.H.HKHE.X.HUONGGIANG', name: 'Xã Hương Giang', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18517' },
  { code: 'HT.H.HKHE.X.LOCYEN', name: 'Xã Lộc Yên', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18520' },
  { code: 'HT.H.HKHE.X.HUONGBINH', name: 'Xã Hương Bình', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18523' },
  { code: 'HT.H.HKHE.X.HUONGLONG', name: 'Xã Hương Long', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18526' },
  { code: 'HT.H.HKHE.X.PHUGIA', name: 'Xã Phú Gia', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18529' },
  { code: 'HT.H.HKHE.X.GIAPHO', name: 'Xã Gia Phố', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18532' },
  { code: 'HT.H.HKHE.X.PHUPHONG', name: 'Xã Phú Phong', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18535' },
  { code: 'HT.H.HKHE.X.HUONGDO', name: 'Xã Hương Đô', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18538' },
  { code: 'HT.H.HKHE.X.HUONGVINH', name: 'Xã Hương Vĩnh', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18541' },
  { code: 'HT.H.HKHE.X.HUONGXUAN', name: 'Xã Hương Xuân', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18544' },
  { code: 'HT.H.HKHE.X.PHUCTRACH', name: 'Xã Phúc Trạch', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18547' },
  { code: 'HT.H.HKHE.X.HUONGTRA', name: 'Xã Hương Trà', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18550' },
  { code: 'HT.H.HKHE.X.HUONGTRACH', name: 'Xã Hương Trạch', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18553' },
  { code: 'HT.H.HKHE.X.HUONGLAM', name: 'Xã Hương Lâm', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18556' },
  { code: 'HT.H.HKHE.X.HUONGLIEN', name: 'Xã Hương Liên', type: 'commune', parentCode: 'HT.H.HKHE', adminCode: '18559' },
];

/** Huyện Thạch Hà: 22 đơn vị cấp xã. */
export const COMMUNES_THHA: SeedUnit[] = [
  { code: 'HT.H.THHA.X.THACHHA', name: 'Thị trấn Thạch Hà', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18562' },
  { code: 'HT.H.THHA.X.NGOCSON', name: 'Xã Ngọc Sơn', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18565' },
  { code: 'HT.H.THHA.X.THACHHAI', name: 'Xã Thạch Hải', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18571' },
  { code: 'HT.H.THHA.X.DINHBAN', name: 'Xã Đỉnh Bàn', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18574' },
  { code: 'HT.H.THHA.X.THACHKENH', name: 'Xã Thạch Kênh', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18586' },
  { code: 'HT.H.THHA.X.THACHSON', name: 'Xã Thạch Sơn', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18589' },
  { code: 'HT.H.THHA.X.THACHLIEN', name: 'Xã Thạch Liên', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18592' },
  { code: 'HT.H.THHA.X.THACHKHE', name: 'Xã Thạch Khê', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18604' },
  { code: 'HT.H.THHA.X.THACHLONG', name: 'Xã Thạch Long', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18607' },
  { code: 'HT.H.THHA.X.VIETTIEN', name: 'Xã Việt Tiến', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18613' },
  { code: 'HT.H.THHA.X.THACHTRI', name: 'Xã Thạch Trị', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18619' },
  { code: 'HT.H.THHA.X.THACHLAC', name: 'Xã Thạch Lạc', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18622' },
  { code: 'HT.H.THHA.X.THACHNGOC', name: 'Xã Thạch Ngọc', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18625' },
  { code: 'HT.H.THHA.X.TUONGSON', name: 'Xã Tượng Sơn', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18628' },
  { code: 'HT.H.THHA.X.THACHVAN', name: 'Xã Thạch Văn', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18631' },
  { code: 'HT.H.THHA.X.THACHTHANG', name: 'Xã Thạch Thắng', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18637' },
  { code: 'HT.H.THHA.X.THACHDAI', name: 'Xã Thạch Đài', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18643' },
  { code: 'HT.H.THHA.X.LUUVINHSON', name: 'Xã Lưu Vĩnh Sơn', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18646' },
  { code: 'HT.H.THHA.X.THACHHOI', name: 'Xã Thạch Hội', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18649' },
  { code: 'HT.H.THHA.X.TANLAMHUONG', name: 'Xã Tân Lâm Hương', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18652' },
  { code: 'HT.H.THHA.X.THACHXUAN', name: 'Xã Thạch Xuân', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18658' },
  { code: 'HT.H.THHA.X.NAMDIEN', name: 'Xã Nam Điền', type: 'commune', parentCode: 'HT.H.THHA', adminCode: '18667' },
];

/** Huyện Cẩm Xuyên: 23 đơn vị cấp xã. */
export const COMMUNES_CXUYEN: SeedUnit[] = [
  { code: 'HT.H.CXUYEN.X.CAMXUYEN', name: 'Thị trấn Cẩm Xuyên', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18673' },
  { code: 'HT.H.CXUYEN.X.THIENCAM', name: 'Thị trấn Thiên Cầm', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18676' },
  { code: 'HT.H.CXUYEN.X.YENHOA', name: 'Xã Yên Hòa', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18679' },
  { code: 'HT.H.CXUYEN.X.CAMDUONG', name: 'Xã Cẩm Dương', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18682' },
  { code: 'HT.H.CXUYEN.X.CAMBINH', name: 'Xã Cẩm Bình', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18685' },
  { code: 'HT.H.CXUYEN.X.CAMVINH', name: 'Xã Cẩm Vịnh', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18691' },
  { code: 'HT.H.CXUYEN.X.CAMTHANH', name: 'Xã Cẩm Thành', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18694' },
  { code: 'HT.H.CXUYEN.X.CAMQUANG', name: 'Xã Cẩm Quang', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18697' },
  { code: 'HT.H.CXUYEN.X.NAMPHUCTHANG', name: 'Xã Nam Phúc Thăng', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18700' },
  { code: 'HT.H.CXUYEN.X.CAMTHACH', name: 'Xã Cẩm Thạch', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18706' },
  { code: 'HT.H.CXUYEN.X.CAMNHUONG', name: 'Xã Cẩm Nhượng', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18709' },
  { code: 'HT.H.CXUYEN.X.CAMDUE', name: 'Xã Cẩm Duệ', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18715' },
  { code: 'HT.H.CXUYEN.X.CAMLINH', name: 'Xã Cẩm Lĩnh', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18721' },
  { code: 'HT.H.CXUYEN.X.CAMQUAN', name: 'Xã Cẩm Quan', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18724' },
  { code: 'HT.H.CXUYEN.X.CAMHA', name: 'Xã Cẩm Hà', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18727' },
  { code: 'HT.H.CXUYEN.X.CAMLOC', name: 'Xã Cẩm Lộc', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18730' },
  { code: 'HT.H.CXUYEN.X.CAMHUNG', name: 'Xã Cẩm Hưng', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18733' },
  { code: 'HT.H.CXUYEN.X.CAMTHINH', name: 'Xã Cẩm Thịnh', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18736' },
  { code: 'HT.H.CXUYEN.X.CAMMY', name: 'Xã Cẩm Mỹ', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18739' },
  { code: 'HT.H.CXUYEN.X.CAMTRUNG', name: 'Xã Cẩm Trung', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18742' },
  { code: 'HT.H.CXUYEN.X.CAMSON', name: 'Xã Cẩm Sơn', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18745' },
  { code: 'HT.H.CXUYEN.X.CAMLAC', name: 'Xã Cẩm Lạc', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18748' },
  { code: 'HT.H.CXUYEN.X.CAMMINH', name: 'Xã Cẩm Minh', type: 'commune', parentCode: 'HT.H.CXUYEN', adminCode: '18751' },
];

/** Huyện Kỳ Anh: 20 đơn vị cấp xã. */
export const COMMUNES_KANH: SeedUnit[] = [
  { code: 'HT.H.KANH.X.KYXUAN', name: 'Xã Kỳ Xuân', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18757' },
  { code: 'HT.H.KANH.X.KYBAC', name: 'Xã Kỳ Bắc', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18760' },
  { code: 'HT.H.KANH.X.KYPHU', name: 'Xã Kỳ Phú', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18763' },
  { code: 'HT.H.KANH.X.KYPHONG', name: 'Xã Kỳ Phong', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18766' },
  { code: 'HT.H.KANH.X.KYTIEN', name: 'Xã Kỳ Tiến', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18769' },
  { code: 'HT.H.KANH.X.KYGIANG', name: 'Xã Kỳ Giang', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18772' },
  { code: 'HT.H.KANH.X.KYDONG', name: 'Xã Kỳ Đồng', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18775' },
  { code: 'HT.H.KANH.X.KYKHANG', name: 'Xã Kỳ Khang', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18778' },
  { code: 'HT.H.KANH.X.KYVAN', name: 'Xã Kỳ Văn', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18784' },
  { code: 'HT.H.KANH.X.KYTRUNG', name: 'Xã Kỳ Trung', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18787' },
  { code: 'HT.H.KANH.X.KYTHO', name: 'Xã Kỳ Thọ', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18790' },
  { code: 'HT.H.KANH.X.KYTAY', name: 'Xã Kỳ Tây', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18793' },
  { code: 'HT.H.KANH.X.KYTHUONG', name: 'Xã Kỳ Thượng', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18799' },
  { code: 'HT.H.KANH.X.KYHAI', name: 'Xã Kỳ Hải', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18802' },
  { code: 'HT.H.KANH.X.KYTHU', name: 'Xã Kỳ Thư', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18805' },
  { code: 'HT.H.KANH.X.KYCHAU', name: 'Xã Kỳ Châu', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18811' },
  { code: 'HT.H.KANH.X.KYTAN', name: 'Xã Kỳ Tân', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18814' },
  { code: 'HT.H.KANH.X.LAMHOP', name: 'Xã Lâm Hợp', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18838' },
  { code: 'HT.H.KANH.X.KYSON', name: 'Xã Kỳ Sơn', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18844' },
  { code: 'HT.H.KANH.X.KYLAC', name: 'Xã Kỳ Lạc', type: 'commune', parentCode: 'HT.H.KANH', adminCode: '18850' },
];

/** Huyện Lộc Hà: 12 đơn vị cấp xã. */
export const COMMUNES_LHA: SeedUnit[] = [
  { code: 'HT.H.LHA.X.TANLOC', name: 'Xã Tân Lộc', type: 'commune', parentCode: 'HT.H.LHA', adminCode: '18409' },
  { code: 'HT.H.LHA.X.HONGLOC', name: 'Xã Hồng Lộc', type: 'commune', parentCode: 'HT.H.LHA', adminCode: '18412' },
  { code: 'HT.H.LHA.X.THINHLOC', name: 'Xã Thịnh Lộc', type: 'commune', parentCode: 'HT.H.LHA', adminCode: '18421' },
  { code: 'HT.H.LHA.X.BINHAN', name: 'Xã Bình An', type: 'commune', parentCode: 'HT.H.LHA', adminCode: '18430' },
  { code: 'HT.H.LHA.X.ICHHAU', name: 'Xã Ích Hậu', type: 'commune', parentCode: 'HT.H.LHA', adminCode: '18457' },
  { code: 'HT.H.LHA.X.PHULUU', name: 'Xã Phù Lưu', type: 'commune', parentCode: 'HT.H.LHA', adminCode: '18493' },
  { code: 'HT.H.LHA.X.LOCHA', name: 'Thị trấn Lộc Hà', type: 'commune', parentCode: 'HT.H.LHA', adminCode: '18568' },
  { code: 'HT.H.LHA.X.THACHMY', name: 'Xã Thạch Mỹ', type: 'commune', parentCode: 'HT.H.LHA', adminCode: '18577' },
  { code: 'HT.H.LHA.X.THACHKIM', name: 'Xã Thạch Kim', type: 'commune', parentCode: 'HT.H.LHA', adminCode: '18580' },
  { code: 'HT.H.LHA.X.THACHCHAU', name: 'Xã Thạch Châu', type: 'commune', parentCode: 'HT.H.LHA', adminCode: '18583' },
  { code: 'HT.H.LHA.X.HODO', name: 'Xã Hộ Độ', type: 'commune', parentCode: 'HT.H.LHA', adminCode: '18598' },
  { code: 'HT.H.LHA.X.MAIPHU', name: 'Xã Mai Phụ', type: 'commune', parentCode: 'HT.H.LHA', adminCode: '18670' },
];

/** Thị xã Kỳ Anh: 11 đơn vị cấp xã. */
export const COMMUNES_TXKA: SeedUnit[] = [
  { code: 'HT.H.TXKA.X.HUNGTRI', name: 'Phường Hưng Trí', type: 'commune', parentCode: 'HT.H.TXKA', adminCode: '18754' },
  { code: 'HT.H.TXKA.X.KYNINH', name: 'Xã Kỳ Ninh', type: 'commune', parentCode: 'HT.H.TXKA', adminCode: '18781' },
  { code: 'HT.H.TXKA.X.KYLOI', name: 'Xã Kỳ Lợi', type: 'commune', parentCode: 'HT.H.TXKA', adminCode: '18796' },
  { code: 'HT.H.TXKA.X.KYHA', name: 'Xã Kỳ Hà', type: 'commune', parentCode: 'HT.H.TXKA', adminCode: '18808' },
  { code: 'HT.H.TXKA.X.KYTRINH', name: 'Phường Kỳ Trinh', type: 'commune', parentCode: 'HT.H.TXKA', adminCode: '18820' },
  { code: 'HT.H.TXKA.X.KYTHINH', name: 'Phường Kỳ Thịnh', type: 'commune', parentCode: 'HT.H.TXKA', adminCode: '18823' },
  { code: 'HT.H.TXKA.X.KYHOA', name: 'Xã Kỳ Hoa', type: 'commune', parentCode: 'HT.H.TXKA', adminCode: '18829' },
  { code: 'HT.H.TXKA.X.KYPHUONG', name: 'Phường Kỳ Phương', type: 'commune', parentCode: 'HT.H.TXKA', adminCode: '18832' },
  { code: 'HT.H.TXKA.X.KYLONG', name: 'Phường Kỳ Long', type: 'commune', parentCode: 'HT.H.TXKA', adminCode: '18835' },
  { code: 'HT.H.TXKA.X.KYLIEN', name: 'Phường Kỳ Liên', type: 'commune', parentCode: 'HT.H.TXKA', adminCode: '18841' },
  { code: 'HT.H.TXKA.X.KYNAM', name: 'Xã Kỳ Nam', type: 'commune', parentCode: 'HT.H.TXKA', adminCode: '18847' },
];

/** All 216 commune-level units, grouped by district in the order of HA_TINH_DISTRICTS. */
export const HA_TINH_COMMUNES: SeedUnit[] = [
  ...COMMUNES_TPHT,
  ...COMMUNES_HLINH,
  ...COMMUNES_HSON,
  ...COMMUNES_DTHO,
  ...COMMUNES_VQUANG,
  ...COMMUNES_NXUAN,
  ...COMMUNES_CLOC,
  ...COMMUNES_HKHE,
  ...COMMUNES_THHA,
  ...COMMUNES_CXUYEN,
  ...COMMUNES_KANH,
  ...COMMUNES_LHA,
  ...COMMUNES_TXKA,
];
