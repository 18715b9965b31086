// Hà Tĩnh at provincial level, as of 2023–2024 (before the reorganisation of the sở on 2025-03-01 and of the
// central agencies' local branches in 2025): the province itself, its specialised agencies under the
// provincial People's Committee (sở, ban, ngành), central agencies based in the province, and a few public
// service units.
//
// Sources: the names are the agencies' own (as on the province's portal and in its decisions) as far as
// this list's author knows them; no single official list was copied. Not certain:
// - Ban Dân tộc: omitted. Hà Tĩnh is not among the provinces that set up a Ban Dân tộc under Nghị định
//   24/2014 / 107/2020 (ethnic-minority affairs were handled by other agencies); believed correct but not
//   checked against a decision.
// - Exact wording of some central agencies' names ("Kho bạc Nhà nước Hà Tĩnh", "Cục Hải quan Hà Tĩnh") and
//   of the public service units ("Trung tâm Công nghệ thông tin và Truyền thông" under Sở TT&TT).
//
// Code scheme: province "HT"; departments "HT.S.<ABBR>"; central agencies "HT.TW.<ABBR>"; public service
// units "HT.DVSN.<ABBR>". Central agencies are not subordinate to the province, but hang under "HT" so that
// the province's tree holds everything assessed in it.
//
// 2025 reorganisation of the sở (in force 1/3/2025): five merged away, their successors below
// (HA_TINH_DEPARTMENTS_2025). Confirmed by public sources: Sở Khoa học và Công nghệ formed by merging Sở
// KH&CN and Sở TT&TT, operating from 1/3/2025 in every province (ictvietnam.vn, "Sở KH&CN được thành lập
// và đi vào hoạt động trên cả nước", 10/3/2025; issue 15), and Hà Tĩnh's scheme for it, Quyết định
// 347/QĐ-UBND of 19/02/2025 "phê duyệt Đề án sắp xếp, kiện toàn các cơ quan chuyên môn thuộc UBND tỉnh"
// (title and date as published on lawnet.vn). The other four mergers (Tài chính + Kế hoạch và Đầu tư;
// Nông nghiệp và Môi trường from NN&PTNT + TN&MT; Xây dựng + Giao thông vận tải; Nội vụ + Lao động - TB&XH)
// follow the national model of that reorganisation; their Hà Tĩnh names were not read in a Hà Tĩnh text
// (the content of 347/QĐ-UBND was not available), so they are the national names — say so in the demo.
// Sở Ngoại vụ is kept: no source found for a change in Hà Tĩnh. Continuing sở keep their codes; one that
// absorbed others records them as predecessors; Sở NN&MT is a new name, hence a new code.
// Central agencies (also reorganised in 2025: Thuế, Kho bạc, Hải quan, Thống kê by region) are left as
// they were: not part of the demo's campaigns.
import type { SeedUnit } from './seed-types.ts';

const MERGED = '2025-03-01';
const LAST_DAY = '2025-02-28';

export const HA_TINH_PROVINCE: SeedUnit = {
  code: 'HT',
  name: 'Tỉnh Hà Tĩnh',
  shortName: 'Hà Tĩnh',
  type: 'province',
  parentCode: null,
  adminCode: '42',
};

/** Sở, ban, ngành: the agencies under UBND tỉnh that the provincial DTI assesses. */
export const HA_TINH_DEPARTMENTS: SeedUnit[] = [
  { code: 'HT.S.VPUB', name: 'Văn phòng Ủy ban nhân dân tỉnh', shortName: 'Văn phòng UBND tỉnh', type: 'department', parentCode: 'HT' },
  { code: 'HT.S.NV', name: 'Sở Nội vụ', shortName: 'Sở NV', type: 'department', parentCode: 'HT', formedFrom: { codes: ['HT.S.LDTBXH'], effectiveDate: MERGED, note: 'Tiếp nhận Sở Lao động - Thương binh và Xã hội (một phần nhiệm vụ sang Sở Y tế, Sở GD&ĐT) từ 01/03/2025.' } },
  { code: 'HT.S.TP', name: 'Sở Tư pháp', shortName: 'Sở TP', type: 'department', parentCode: 'HT' },
  { code: 'HT.S.KHDT', name: 'Sở Kế hoạch và Đầu tư', shortName: 'Sở KH&ĐT', type: 'department', parentCode: 'HT', activeTo: LAST_DAY },
  { code: 'HT.S.TC', name: 'Sở Tài chính', shortName: 'Sở TC', type: 'department', parentCode: 'HT', formedFrom: { codes: ['HT.S.KHDT'], effectiveDate: MERGED, note: 'Hợp nhất Sở Tài chính và Sở Kế hoạch và Đầu tư từ 01/03/2025.' } },
  { code: 'HT.S.CT', name: 'Sở Công Thương', shortName: 'Sở CT', type: 'department', parentCode: 'HT' },
  { code: 'HT.S.NNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn', shortName: 'Sở NN&PTNT', type: 'department', parentCode: 'HT', activeTo: LAST_DAY },
  { code: 'HT.S.GTVT', name: 'Sở Giao thông vận tải', shortName: 'Sở GTVT', type: 'department', parentCode: 'HT', activeTo: LAST_DAY },
  { code: 'HT.S.XD', name: 'Sở Xây dựng', shortName: 'Sở XD', type: 'department', parentCode: 'HT', formedFrom: { codes: ['HT.S.GTVT'], effectiveDate: MERGED, note: 'Hợp nhất Sở Xây dựng và Sở Giao thông vận tải từ 01/03/2025.' } },
  { code: 'HT.S.TNMT', name: 'Sở Tài nguyên và Môi trường', shortName: 'Sở TN&MT', type: 'department', parentCode: 'HT', activeTo: LAST_DAY },
  { code: 'HT.S.TTTT', name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TT&TT', type: 'department', parentCode: 'HT', activeTo: LAST_DAY },
  { code: 'HT.S.LDTBXH', name: 'Sở Lao động - Thương binh và Xã hội', shortName: 'Sở LĐ-TB&XH', type: 'department', parentCode: 'HT', activeTo: LAST_DAY },
  { code: 'HT.S.VHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', shortName: 'Sở VHTT&DL', type: 'department', parentCode: 'HT' },
  { code: 'HT.S.KHCN', name: 'Sở Khoa học và Công nghệ', shortName: 'Sở KH&CN', type: 'department', parentCode: 'HT', formedFrom: { codes: ['HT.S.TTTT'], effectiveDate: MERGED, note: 'Hợp nhất Sở Khoa học và Công nghệ và Sở Thông tin và Truyền thông từ 01/03/2025; cơ quan chuyên trách chuyển đổi số của tỉnh.' } },
  { code: 'HT.S.GDDT', name: 'Sở Giáo dục và Đào tạo', shortName: 'Sở GD&ĐT', type: 'department', parentCode: 'HT' },
  { code: 'HT.S.YT', name: 'Sở Y tế', shortName: 'Sở YT', type: 'department', parentCode: 'HT' },
  { code: 'HT.S.NGV', name: 'Sở Ngoại vụ', shortName: 'Sở NgV', type: 'department', parentCode: 'HT' },
  { code: 'HT.S.TTRA', name: 'Thanh tra tỉnh', shortName: 'Thanh tra tỉnh', type: 'department', parentCode: 'HT' },
  { code: 'HT.S.BQLKKT', name: 'Ban Quản lý Khu kinh tế tỉnh', shortName: 'BQL KKT tỉnh', type: 'department', parentCode: 'HT' },
  { code: 'HT.S.NNMT', name: 'Sở Nông nghiệp và Môi trường', shortName: 'Sở NN&MT', type: 'department', parentCode: 'HT', activeFrom: MERGED, formedFrom: { codes: ['HT.S.NNPTNT', 'HT.S.TNMT'], effectiveDate: MERGED, note: 'Hợp nhất Sở Nông nghiệp và Phát triển nông thôn và Sở Tài nguyên và Môi trường từ 01/03/2025.' } },
];

/** The sở, ban, ngành in force since 1/3/2025 (those not merged away). */
export const HA_TINH_DEPARTMENTS_2025: SeedUnit[] = HA_TINH_DEPARTMENTS.filter((d) => !d.activeTo);

/** The sở, ban, ngành of 2023–2024 (before the merger of 1/3/2025). */
export const HA_TINH_DEPARTMENTS_2024: SeedUnit[] = HA_TINH_DEPARTMENTS.filter((d) => !d.activeFrom);

/** Cơ quan Trung ương đóng trên địa bàn (as organised in 2023–2024). */
export const HA_TINH_CENTRAL_AGENCIES: SeedUnit[] = [
  { code: 'HT.TW.CA', name: 'Công an tỉnh', shortName: 'Công an tỉnh', type: 'central_agency', parentCode: 'HT' },
  { code: 'HT.TW.BHXH', name: 'Bảo hiểm xã hội tỉnh', shortName: 'BHXH tỉnh', type: 'central_agency', parentCode: 'HT' },
  { code: 'HT.TW.CT', name: 'Cục Thuế tỉnh', shortName: 'Cục Thuế', type: 'central_agency', parentCode: 'HT' },
  { code: 'HT.TW.KBNN', name: 'Kho bạc Nhà nước Hà Tĩnh', shortName: 'KBNN tỉnh', type: 'central_agency', parentCode: 'HT' },
  { code: 'HT.TW.HQ', name: 'Cục Hải quan Hà Tĩnh', shortName: 'Cục Hải quan', type: 'central_agency', parentCode: 'HT' },
  { code: 'HT.TW.NHNN', name: 'Ngân hàng Nhà nước chi nhánh tỉnh Hà Tĩnh', shortName: 'NHNN chi nhánh tỉnh', type: 'central_agency', parentCode: 'HT' },
  { code: 'HT.TW.CTK', name: 'Cục Thống kê tỉnh', shortName: 'Cục Thống kê', type: 'central_agency', parentCode: 'HT' },
];

/** Đơn vị sự nghiệp: parent is the managing department, or the province for units directly under UBND tỉnh. */
export const HA_TINH_PUBLIC_SERVICE_UNITS: SeedUnit[] = [
  { code: 'HT.DVSN.HCC', name: 'Trung tâm Phục vụ hành chính công tỉnh', shortName: 'TT PVHCC tỉnh', type: 'public_service_unit', parentCode: 'HT.S.VPUB' },
  // Under Sở TT&TT until 28/02/2025, then under the merged Sở KH&CN (its name after the merger not checked).
  { code: 'HT.DVSN.CNTT', name: 'Trung tâm Công nghệ thông tin và Truyền thông', shortName: 'TT CNTT&TT', type: 'public_service_unit', parentCode: 'HT.S.KHCN' },
  { code: 'HT.DVSN.PTTH', name: 'Đài Phát thanh - Truyền hình Hà Tĩnh', shortName: 'Đài PT-TH tỉnh', type: 'public_service_unit', parentCode: 'HT' },
  { code: 'HT.DVSN.DHHT', name: 'Trường Đại học Hà Tĩnh', shortName: 'ĐH Hà Tĩnh', type: 'public_service_unit', parentCode: 'HT' },
  { code: 'HT.DVSN.BVDK', name: 'Bệnh viện Đa khoa tỉnh Hà Tĩnh', shortName: 'BVĐK tỉnh', type: 'public_service_unit', parentCode: 'HT.S.YT' },
  { code: 'HT.DVSN.CDC', name: 'Trung tâm Kiểm soát bệnh tật tỉnh Hà Tĩnh', shortName: 'CDC Hà Tĩnh', type: 'public_service_unit', parentCode: 'HT.S.YT' },
];
