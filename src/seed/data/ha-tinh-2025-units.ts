// The 69 commune-level units (60 xã, 9 phường) of Hà Tĩnh from 1/7/2025, two-level local government, with
// the communes of the project's 2023–2024 list (ha-tinh-communes.ts) each was formed from.
//
// Sources (public): ha-tinh-2025-communes.csv beside this file — official 5-digit codes from the national
// list of commune-level units after the 2025 reorganisation; old→new mapping from the openly published
// GitHub repository tanthuan031/vnadministrative (file new_to_old.json). Legal basis: Nghị quyết
// 1665/NQ-UBTVQH15 of 16/6/2025, Điều 1 (Hà Tĩnh), in force from 1/7/2025; where a transcription disagrees
// with the resolution, the resolution wins.
// Differences with the project's 2023–2024 list, and how they are handled (see docs/demo.md):
// - The CSV's predecessors are the units as of mid-2025, after the 1/1/2025 round: 25 communes are listed
//   under another district (the 12 of huyện Lộc Hà, merged into Thạch Hà, Hộ Độ then in TP Hà Tĩnh; 11 of
//   Thạch Hà and 2 of Cẩm Xuyên moved into TP Hà Tĩnh) and 7 with another type (xã → phường: Kỳ Ninh, Kỳ
//   Nam, Thạch Hưng, Thạch Hạ, Thạch Trung, Đồng Môn; xã → thị trấn: Kỳ Đồng); matched by name, each name
//   being unique in the province.
// - "Xã Cỗ Đạm" in the CSV is spelt "Xã Cổ Đạm" by the resolution and by ha-tinh-communes.ts.
// - Xã Châu Bình, Xã Mỹ Long (→ Xã Tứ Mỹ) and Xã Hàm Trường (→ Xã Kim Hoa), huyện Hương Sơn, are units of
//   the 1/1/2025 round that the 2023–2024 list does not have: kept as UNMATCHED names (4th column), no
//   lineage row. Their own predecessors are not in the sources used here, so they are not guessed.
// - Ten communes of the 2023–2024 list appear in no 2025 unit's predecessors (they ended in the 1/1/2025
//   round): Phường Nguyễn Du, Phường Thạch Linh (TP Hà Tĩnh), Xã Sơn Châu, Sơn Bình, Sơn Trà, Sơn Long, Sơn
//   Hàm, Sơn Trường (Hương Sơn), Xã Trung Lộc (Can Lộc), Xã Phú Phong (Hương Khê).
// - A commune split between several new units appears under each (Xã Kỳ Lợi: Sông Trí, Hoành Sơn, Vũng
//   Áng; Phường Đại Nài: Thành Sen, Hà Huy Tập).
// Code scheme: "HT.X.<NAME>" directly under the province (NAME as for the old communes), so "HT.X.CAMBINH"
// (2025) and "HT.H.CXUYEN.X.CAMBINH" (2023–2024) never collide.

/** [official code, name, predecessor codes (2023–2024 list), predecessor names not in that list]. */
export type Row = [string, string, string[], string[]?];

// <generated> by scripts/gen-ha-tinh-2025.ts — do not edit by hand below this line.
export const ROWS: Row[] = [
  ['18754', 'Phường Sông Trí', ['HT.H.TXKA.X.KYLOI', 'HT.H.TXKA.X.KYTRINH', 'HT.H.TXKA.X.HUNGTRI', 'HT.H.KANH.X.KYCHAU']],
  ['18781', 'Phường Hải Ninh', ['HT.H.TXKA.X.KYHA', 'HT.H.TXKA.X.KYNINH', 'HT.H.KANH.X.KYHAI']],
  ['18832', 'Phường Hoành Sơn', ['HT.H.TXKA.X.KYLIEN', 'HT.H.TXKA.X.KYLOI', 'HT.H.TXKA.X.KYPHUONG', 'HT.H.TXKA.X.KYNAM']],
  ['18823', 'Phường Vũng Áng', ['HT.H.TXKA.X.KYLOI', 'HT.H.TXKA.X.KYLONG', 'HT.H.TXKA.X.KYTHINH']],
  ['18766', 'Xã Kỳ Xuân', ['HT.H.KANH.X.KYBAC', 'HT.H.KANH.X.KYPHONG', 'HT.H.KANH.X.KYXUAN']],
  ['18775', 'Xã Kỳ Anh', ['HT.H.KANH.X.KYDONG', 'HT.H.KANH.X.KYGIANG', 'HT.H.KANH.X.KYPHU', 'HT.H.KANH.X.KYTIEN']],
  ['18814', 'Xã Kỳ Hoa', ['HT.H.TXKA.X.KYHOA', 'HT.H.KANH.X.KYTAN']],
  ['18787', 'Xã Kỳ Văn', ['HT.H.KANH.X.KYTAY', 'HT.H.KANH.X.KYTRUNG', 'HT.H.KANH.X.KYVAN']],
  ['18790', 'Xã Kỳ Khang', ['HT.H.KANH.X.KYKHANG', 'HT.H.KANH.X.KYTHO', 'HT.H.KANH.X.KYTHU']],
  ['18838', 'Xã Kỳ Lạc', ['HT.H.KANH.X.KYLAC', 'HT.H.KANH.X.LAMHOP']],
  ['18844', 'Xã Kỳ Thượng', ['HT.H.KANH.X.KYSON', 'HT.H.KANH.X.KYTHUONG']],
  ['18673', 'Xã Cẩm Xuyên', ['HT.H.CXUYEN.X.CAMXUYEN', 'HT.H.CXUYEN.X.CAMQUAN', 'HT.H.CXUYEN.X.CAMQUANG']],
  ['18676', 'Xã Thiên Cầm', ['HT.H.CXUYEN.X.THIENCAM', 'HT.H.CXUYEN.X.CAMNHUONG', 'HT.H.CXUYEN.X.NAMPHUCTHANG']],
  ['18739', 'Xã Cẩm Duệ', ['HT.H.CXUYEN.X.CAMDUE', 'HT.H.CXUYEN.X.CAMMY', 'HT.H.CXUYEN.X.CAMTHACH']],
  ['18736', 'Xã Cẩm Hưng', ['HT.H.CXUYEN.X.CAMHA', 'HT.H.CXUYEN.X.CAMHUNG', 'HT.H.CXUYEN.X.CAMTHINH']],
  ['18748', 'Xã Cẩm Lạc', ['HT.H.CXUYEN.X.CAMLAC', 'HT.H.CXUYEN.X.CAMSON', 'HT.H.CXUYEN.X.CAMMINH']],
  ['18742', 'Xã Cẩm Trung', ['HT.H.CXUYEN.X.CAMLINH', 'HT.H.CXUYEN.X.CAMLOC', 'HT.H.CXUYEN.X.CAMTRUNG']],
  ['18682', 'Xã Yên Hòa', ['HT.H.CXUYEN.X.CAMDUONG', 'HT.H.CXUYEN.X.YENHOA']],
  ['18073', 'Phường Thành Sen', ['HT.H.TPHT.X.NAMHA', 'HT.H.TPHT.X.BACHA', 'HT.H.TPHT.X.DAINAI', 'HT.H.TPHT.X.HAHUYTAP', 'HT.H.TPHT.X.TANGIANG', 'HT.H.TPHT.X.TRANPHU', 'HT.H.TPHT.X.THACHQUY', 'HT.H.TPHT.X.VANYEN', 'HT.H.TPHT.X.THACHHUNG']],
  ['18100', 'Phường Trần Phú', ['HT.H.TPHT.X.THACHHA', 'HT.H.TPHT.X.THACHTRUNG', 'HT.H.TPHT.X.DONGMON', 'HT.H.LHA.X.HODO']],
  ['18652', 'Phường Hà Huy Tập', ['HT.H.TPHT.X.DAINAI', 'HT.H.THHA.X.THACHDAI', 'HT.H.THHA.X.TANLAMHUONG']],
  ['18628', 'Xã Thạch Lạc', ['HT.H.THHA.X.TUONGSON', 'HT.H.THHA.X.THACHLAC', 'HT.H.THHA.X.THACHTHANG']],
  ['18619', 'Xã Đồng Tiến', ['HT.H.THHA.X.THACHTRI', 'HT.H.THHA.X.THACHVAN', 'HT.H.THHA.X.THACHHOI']],
  ['18604', 'Xã Thạch Khê', ['HT.H.THHA.X.THACHHAI', 'HT.H.THHA.X.THACHKHE', 'HT.H.THHA.X.DINHBAN']],
  ['18685', 'Xã Cẩm Bình', ['HT.H.TPHT.X.THACHBINH', 'HT.H.CXUYEN.X.CAMBINH', 'HT.H.CXUYEN.X.CAMVINH', 'HT.H.CXUYEN.X.CAMTHANH']],
  ['18562', 'Xã Thạch Hà', ['HT.H.THHA.X.THACHHA', 'HT.H.THHA.X.THACHSON', 'HT.H.THHA.X.THACHLONG']],
  ['18634', 'Xã Toàn Lưu', ['HT.H.THHA.X.NGOCSON', 'HT.H.THHA.X.LUUVINHSON']],
  ['18601', 'Xã Việt Xuyên', ['HT.H.THHA.X.THACHNGOC', 'HT.H.THHA.X.VIETTIEN']],
  ['18586', 'Xã Đông Kinh', ['HT.H.THHA.X.THACHKENH', 'HT.H.THHA.X.THACHLIEN', 'HT.H.LHA.X.ICHHAU']],
  ['18667', 'Xã Thạch Xuân', ['HT.H.THHA.X.THACHXUAN', 'HT.H.THHA.X.NAMDIEN']],
  ['18568', 'Xã Lộc Hà', ['HT.H.LHA.X.THACHKIM', 'HT.H.LHA.X.THINHLOC', 'HT.H.LHA.X.BINHAN', 'HT.H.LHA.X.LOCHA']],
  ['18409', 'Xã Hồng Lộc', ['HT.H.LHA.X.HONGLOC', 'HT.H.LHA.X.TANLOC']],
  ['18583', 'Xã Mai Phụ', ['HT.H.LHA.X.THACHMY', 'HT.H.LHA.X.MAIPHU', 'HT.H.LHA.X.PHULUU', 'HT.H.LHA.X.THACHCHAU']],
  ['18406', 'Xã Can Lộc', ['HT.H.CLOC.X.NGHEN', 'HT.H.CLOC.X.THIENLOC', 'HT.H.CLOC.X.VUONGLOC']],
  ['18418', 'Xã Tùng Lộc', ['HT.H.CLOC.X.THUANTHIEN', 'HT.H.CLOC.X.TUNGLOC']],
  ['18466', 'Xã Gia Hanh', ['HT.H.CLOC.X.GIAHANH', 'HT.H.CLOC.X.THANHLOC', 'HT.H.CLOC.X.KHANHVINHYEN']],
  ['18436', 'Xã Trường Lưu', ['HT.H.CLOC.X.PHULOC', 'HT.H.CLOC.X.THUONGNGA', 'HT.H.CLOC.X.KIMSONGTRUONG']],
  ['18481', 'Xã Xuân Lộc', ['HT.H.CLOC.X.QUANGLOC', 'HT.H.CLOC.X.SONLOC', 'HT.H.CLOC.X.XUANLOC']],
  ['18484', 'Xã Đồng Lộc', ['HT.H.CLOC.X.MYLOC', 'HT.H.CLOC.X.THUONGLOC', 'HT.H.CLOC.X.DONGLOC']],
  ['18115', 'Phường Bắc Hồng Lĩnh', ['HT.H.HLINH.X.BACHONG', 'HT.H.HLINH.X.DUCTHUAN', 'HT.H.HLINH.X.TRUNGLUONG', 'HT.H.NXUAN.X.XUANLAM']],
  ['18118', 'Phường Nam Hồng Lĩnh', ['HT.H.HLINH.X.DAULIEU', 'HT.H.HLINH.X.NAMHONG', 'HT.H.HLINH.X.THUANLOC']],
  ['18373', 'Xã Tiên Điền', ['HT.H.NXUAN.X.XUANTHANH', 'HT.H.NXUAN.X.XUANMY', 'HT.H.NXUAN.X.XUANYEN', 'HT.H.NXUAN.X.TIENDIEN']],
  ['18352', 'Xã Nghi Xuân', ['HT.H.NXUAN.X.XUANHONG', 'HT.H.NXUAN.X.XUANAN', 'HT.H.NXUAN.X.XUANGIANG', 'HT.H.NXUAN.X.XUANVIEN', 'HT.H.NXUAN.X.XUANLINH']],
  ['18394', 'Xã Cổ Đạm', ['HT.H.NXUAN.X.CODAM', 'HT.H.NXUAN.X.CUONGGIAN', 'HT.H.NXUAN.X.XUANLIEN']],
  ['18364', 'Xã Đan Hải', ['HT.H.NXUAN.X.XUANHOI', 'HT.H.NXUAN.X.XUANHAI', 'HT.H.NXUAN.X.XUANPHO', 'HT.H.NXUAN.X.DANTRUONG']],
  ['18229', 'Xã Đức Thọ', ['HT.H.DTHO.X.DUCTHO', 'HT.H.DTHO.X.TUNGANH', 'HT.H.DTHO.X.TANDAN', 'HT.H.DTHO.X.HOALAC']],
  ['18262', 'Xã Đức Quang', ['HT.H.DTHO.X.YENHO', 'HT.H.DTHO.X.BUILANHAN', 'HT.H.DTHO.X.QUANGVINH']],
  ['18304', 'Xã Đức Đồng', ['HT.H.DTHO.X.DUCLANG', 'HT.H.DTHO.X.TANHUONG', 'HT.H.DTHO.X.DUCDONG']],
  ['18277', 'Xã Đức Thịnh', ['HT.H.DTHO.X.LAMTRUNGTHUY', 'HT.H.DTHO.X.THANHBINHTHINH', 'HT.H.DTHO.X.ANDUNG']],
  ['18244', 'Xã Đức Minh', ['HT.H.DTHO.X.LIENMINH', 'HT.H.DTHO.X.TRUONGSON', 'HT.H.DTHO.X.TUNGCHAU']],
  ['18133', 'Xã Hương Sơn', ['HT.H.HSON.X.SONBANG', 'HT.H.HSON.X.SONTRUNG', 'HT.H.HSON.X.SONNINH', 'HT.H.HSON.X.SONPHU', 'HT.H.HSON.X.PHOCHAU']],
  ['18172', 'Xã Sơn Tây', ['HT.H.HSON.X.TAYSON', 'HT.H.HSON.X.SONTAY']],
  ['18202', 'Xã Tứ Mỹ', ['HT.H.HSON.X.TANMYHA'], ['Xã Châu Bình (Huyện Hương Sơn)', 'Xã Mỹ Long (Huyện Hương Sơn)']],
  ['18184', 'Xã Sơn Giang', ['HT.H.HSON.X.SONLAM', 'HT.H.HSON.X.SONGIANG', 'HT.H.HSON.X.QUANGDIEM']],
  ['18163', 'Xã Sơn Tiến', ['HT.H.HSON.X.SONTIEN', 'HT.H.HSON.X.SONLE', 'HT.H.HSON.X.ANHOATHINH']],
  ['18160', 'Xã Sơn Hồng', ['HT.H.HSON.X.SONHONG', 'HT.H.HSON.X.SONLINH']],
  ['18223', 'Xã Kim Hoa', ['HT.H.HSON.X.KIMHOA'], ['Xã Hàm Trường (Huyện Hương Sơn)']],
  ['18313', 'Xã Vũ Quang', ['HT.H.VQUANG.X.HUONGMINH', 'HT.H.VQUANG.X.VUQUANG', 'HT.H.VQUANG.X.QUANGTHO', 'HT.H.VQUANG.X.THODIEN']],
  ['18322', 'Xã Mai Hoa', ['HT.H.VQUANG.X.ANPHU', 'HT.H.VQUANG.X.DUCGIANG', 'HT.H.VQUANG.X.DUCLINH']],
  ['18328', 'Xã Thượng Đức', ['HT.H.VQUANG.X.DUCBONG', 'HT.H.VQUANG.X.DUCHUONG', 'HT.H.VQUANG.X.DUCLIEN']],
  ['18496', 'Xã Hương Khê', ['HT.H.HKHE.X.HUONGKHE', 'HT.H.HKHE.X.HUONGLONG', 'HT.H.HKHE.X.PHUGIA']],
  ['18532', 'Xã Hương Phố', ['HT.H.HKHE.X.GIAPHO', 'HT.H.HKHE.X.HUONGGIANG', 'HT.H.HKHE.X.HUONGTHUY']],
  ['18550', 'Xã Hương Đô', ['HT.H.HKHE.X.HUONGDO', 'HT.H.HKHE.X.HUONGTRA', 'HT.H.HKHE.X.LOCYEN']],
  ['18502', 'Xã Hà Linh', ['HT.H.HKHE.X.HALINH', 'HT.H.HKHE.X.DIENMY']],
  ['18523', 'Xã Hương Bình', ['HT.H.HKHE.X.PHUCDONG', 'HT.H.HKHE.X.HUONGBINH', 'HT.H.HKHE.X.HOAHAI']],
  ['18547', 'Xã Phúc Trạch', ['HT.H.HKHE.X.PHUCTRACH', 'HT.H.HKHE.X.HUONGLIEN', 'HT.H.HKHE.X.HUONGTRACH']],
  ['18544', 'Xã Hương Xuân', ['HT.H.HKHE.X.HUONGLAM', 'HT.H.HKHE.X.HUONGXUAN', 'HT.H.HKHE.X.HUONGVINH']],
  ['18196', 'Xã Sơn Kim 1', ['HT.H.HSON.X.SONKIM1']],
  ['18199', 'Xã Sơn Kim 2', ['HT.H.HSON.X.SONKIM2']],
];
