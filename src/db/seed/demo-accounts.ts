// Demo accounts, one per role, documented in the README. These passwords exist in demo mode only:
// production (NODE_ENV=production) never seeds them.
import type { Role } from '../../core/policy/roles.ts';

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
  { username: 'admin', password: 'admin123', fullName: 'Quản trị hệ thống', role: 'system_admin', unitCode: 'HT', subtree: true, what: 'Quản trị hệ thống' },
  { username: 'sotttt', password: 'demo1234', fullName: 'Nguyễn Văn Chuyển', role: 'dx_office', unitCode: 'HT', subtree: true, what: 'Quản trị nghiệp vụ cấp tỉnh (Sở TT&TT)' },
  { username: 'cx.vhtt', password: 'demo1234', fullName: 'Trần Thị Số', role: 'dx_office', unitCode: 'HT.H.CXUYEN', subtree: true, what: 'Quản trị nghiệp vụ huyện Cẩm Xuyên' },
  { username: 'camb.nhaplieu', password: 'demo1234', fullName: 'Lê Văn Nhập', role: 'unit_reporter', unitCode: 'HT.H.CXUYEN.X.CAMBINH', subtree: false, what: 'Cán bộ nhập liệu xã Cẩm Bình' },
  { username: 'camb.lanhdao', password: 'demo1234', fullName: 'Phạm Văn Lãnh', role: 'unit_leader', unitCode: 'HT.H.CXUYEN.X.CAMBINH', subtree: false, what: 'Chủ tịch UBND xã Cẩm Bình' },
  { username: 'stp.nhaplieu', password: 'demo1234', fullName: 'Hoàng Thị Liệu', role: 'unit_reporter', unitCode: 'HT.S.TP', subtree: false, what: 'Đầu mối CĐS Sở Tư pháp' },
  { username: 'stp.lanhdao', password: 'demo1234', fullName: 'Võ Văn Đạo', role: 'unit_leader', unitCode: 'HT.S.TP', subtree: false, what: 'Giám đốc Sở Tư pháp' },
  { username: 'togiupviec', password: 'demo1234', fullName: 'Đặng Thị Giúp', role: 'support_team', unitCode: 'HT', subtree: true, what: 'Tổ giúp việc Hội đồng thẩm định' },
  { username: 'hd.thanhvien', password: 'demo1234', fullName: 'Bùi Văn Định', role: 'council_member', unitCode: 'HT', subtree: true, what: 'Thành viên Hội đồng thẩm định' },
  { username: 'hd.chutich', password: 'demo1234', fullName: 'Đỗ Văn Chủ', role: 'council_chair', unitCode: 'HT', subtree: true, what: 'Chủ tịch Hội đồng thẩm định' },
  { username: 'nguoixem', password: 'demo1234', fullName: 'Ngô Thị Xem', role: 'viewer', unitCode: 'HT', subtree: true, what: 'Người xem (lãnh đạo tỉnh)' },
];
