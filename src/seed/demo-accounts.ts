// Demo accounts, one per role, for today's Hà Tĩnh (docs/demo.md has the tour). These passwords exist in
// demo mode only: production (NODE_ENV=production) never seeds them.
// - The DX office is Sở Khoa học và Công nghệ (merged with Sở TT&TT from 1/3/2025): "sokhcn". "sotttt" is
//   the same office's account from before the merger (it ran the 2024 campaign); kept, with the same role,
//   because tests and older guides log in with it.
// - "cx.vhtt" is the office of the former huyện Cẩm Xuyên (ended 30/6/2025): it sees the history of its
//   communes, whose 2024 results its district appraised.
// - Commune accounts belong to current (2025) communes: Xã Cẩm Bình (formed from Cẩm Vịnh, Thạch Bình, Cẩm
//   Thành and the former Cẩm Bình) and Phường Thành Sen.
import type { Role } from '../core/policy/roles.ts';

export interface DemoAccount {
  username: string;
  password: string;
  fullName: string;
  role: Role;
  unitCode: string;
  subtree: boolean;
  what: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    password: 'admin123',
    fullName: 'Quản trị hệ thống',
    role: 'system_admin',
    unitCode: 'HT',
    subtree: true,
    what: 'Quản trị hệ thống',
  },
  {
    username: 'sokhcn',
    password: 'demo1234',
    fullName: 'Phan Thị Khoa',
    role: 'dx_office',
    unitCode: 'HT',
    subtree: true,
    what: 'Quản trị nghiệp vụ cấp tỉnh (Sở Khoa học và Công nghệ)',
  },
  {
    username: 'sotttt',
    password: 'demo1234',
    fullName: 'Nguyễn Văn Chuyển',
    role: 'dx_office',
    unitCode: 'HT',
    subtree: true,
    what: 'Quản trị nghiệp vụ cấp tỉnh (tài khoản từ thời Sở TT&TT, nay thuộc Sở KH&CN)',
  },
  {
    username: 'cx.vhtt',
    password: 'demo1234',
    fullName: 'Trần Thị Số',
    role: 'dx_office',
    unitCode: 'HT.H.CXUYEN',
    subtree: true,
    what: 'Quản trị nghiệp vụ huyện Cẩm Xuyên cũ (đến 30/6/2025): lịch sử các xã',
  },
  {
    username: 'camb.nhaplieu',
    password: 'demo1234',
    fullName: 'Lê Văn Nhập',
    role: 'unit_reporter',
    unitCode: 'HT.X.CAMBINH',
    subtree: false,
    what: 'Cán bộ nhập liệu xã Cẩm Bình (từ 01/07/2025)',
  },
  {
    username: 'camb.lanhdao',
    password: 'demo1234',
    fullName: 'Phạm Văn Lãnh',
    role: 'unit_leader',
    unitCode: 'HT.X.CAMBINH',
    subtree: false,
    what: 'Chủ tịch UBND xã Cẩm Bình',
  },
  {
    username: 'thanhsen.nhaplieu',
    password: 'demo1234',
    fullName: 'Hồ Thị Sen',
    role: 'unit_reporter',
    unitCode: 'HT.X.THANHSEN',
    subtree: false,
    what: 'Cán bộ nhập liệu phường Thành Sen',
  },
  {
    username: 'stp.nhaplieu',
    password: 'demo1234',
    fullName: 'Hoàng Thị Liệu',
    role: 'unit_reporter',
    unitCode: 'HT.S.TP',
    subtree: false,
    what: 'Đầu mối CĐS Sở Tư pháp',
  },
  {
    username: 'stp.lanhdao',
    password: 'demo1234',
    fullName: 'Võ Văn Đạo',
    role: 'unit_leader',
    unitCode: 'HT.S.TP',
    subtree: false,
    what: 'Giám đốc Sở Tư pháp',
  },
  {
    username: 'togiupviec',
    password: 'demo1234',
    fullName: 'Đặng Thị Giúp',
    role: 'support_team',
    unitCode: 'HT',
    subtree: true,
    what: 'Tổ giúp việc Hội đồng thẩm định (Sở KH&CN)',
  },
  {
    username: 'hd.thanhvien',
    password: 'demo1234',
    fullName: 'Bùi Văn Định',
    role: 'council_member',
    unitCode: 'HT',
    subtree: true,
    what: 'Thành viên Hội đồng thẩm định tỉnh',
  },
  {
    username: 'hd.chutich',
    password: 'demo1234',
    fullName: 'Đỗ Văn Chủ',
    role: 'council_chair',
    unitCode: 'HT',
    subtree: true,
    what: 'Chủ tịch Hội đồng thẩm định tỉnh',
  },
  {
    username: 'nguoixem',
    password: 'demo1234',
    fullName: 'Ngô Thị Xem',
    role: 'viewer',
    unitCode: 'HT',
    subtree: true,
    what: 'Người xem (lãnh đạo tỉnh)',
  },
];
