// The roles a user can hold on a unit. A role on a unit applies to that unit only, or to its whole
// subtree when the assignment says so (a provincial DX office holds dx_office on the province's subtree).

export const ROLES = [
  'system_admin',
  'dx_office',
  'unit_reporter',
  'unit_leader',
  'support_team',
  'council_member',
  'council_chair',
  'viewer',
  'data_supplier',
] as const;

export type Role = (typeof ROLES)[number];

export interface RoleInfo {
  role: Role;
  label: string;
  labelEn: string;
  description: string;
  /** Whether new assignments default to the subtree. */
  appliesToSubtree: boolean;
}

export const ROLE_CATALOGUE: readonly RoleInfo[] = [
  {
    role: 'system_admin',
    label: 'Quản trị hệ thống',
    labelEn: 'System administrator',
    description: 'Quản trị toàn bộ hệ thống: đơn vị, tài khoản, cấu hình.',
    appliesToSubtree: true,
  },
  {
    role: 'dx_office',
    label: 'Quản trị nghiệp vụ (cơ quan chuyên trách CĐS)',
    labelEn: 'DX office',
    description: 'Quản lý bộ chỉ số, kỳ đánh giá, đơn vị và tài khoản của các đơn vị trực thuộc.',
    appliesToSubtree: true,
  },
  {
    role: 'unit_reporter',
    label: 'Cán bộ nhập liệu',
    labelEn: 'Unit reporter',
    description: 'Nhập số liệu, tự chấm điểm và đính kèm tài liệu kiểm chứng của đơn vị.',
    appliesToSubtree: false,
  },
  {
    role: 'unit_leader',
    label: 'Lãnh đạo đơn vị',
    labelEn: 'Unit leader',
    description: 'Duyệt và gửi báo cáo tự đánh giá của đơn vị.',
    appliesToSubtree: false,
  },
  {
    role: 'support_team',
    label: 'Thành viên Tổ giúp việc',
    labelEn: 'Support team member',
    description: 'Rà soát sơ bộ, đề xuất điểm và yêu cầu bổ sung minh chứng.',
    appliesToSubtree: true,
  },
  {
    role: 'council_member',
    label: 'Thành viên Hội đồng thẩm định',
    labelEn: 'Council member',
    description: 'Thẩm định điểm các chỉ số được phân công.',
    appliesToSubtree: true,
  },
  {
    role: 'council_chair',
    label: 'Chủ tịch Hội đồng thẩm định',
    labelEn: 'Council chair',
    description: 'Chủ trì thẩm định, kết thúc thẩm định và trình phê duyệt.',
    appliesToSubtree: true,
  },
  {
    role: 'viewer',
    label: 'Người xem',
    labelEn: 'Viewer',
    description: 'Xem số liệu và kết quả trong phạm vi được giao.',
    appliesToSubtree: true,
  },
  {
    role: 'data_supplier',
    label: 'Đơn vị cung cấp số liệu',
    labelEn: 'Data supplier',
    description: 'Hệ thống hoặc cơ quan chuyên ngành cung cấp số liệu cho các đơn vị được đánh giá (qua API hoặc tệp).',
    appliesToSubtree: true,
  },
];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
