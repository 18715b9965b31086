// The account import sheet: Tên đăng nhập | Họ và tên | Email | Điện thoại | Mật khẩu | Vai trò | Mã đơn vị.
// One row per account and role; a second row with the same username adds another role.
import { ROLE_CATALOGUE, type Role } from '../../core/policy/roles.ts';
import { foldVietnamese, toNfc } from '../../core/text/vietnamese.ts';
import type { RowProblem } from '../org-units/parse-units-table.ts';
import { type TableRow, locateColumns } from '../tabular.ts';

export interface UserRecord {
  row: number;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  password: string;
  role: Role | null;
  unitCode: string | null;
}

const COLUMNS = {
  username: { labels: ['ten dang nhap', 'username'], required: true },
  fullName: { labels: ['ho va ten', 'ho ten'], required: true },
  email: { labels: ['email', 'thu dien tu'], required: false },
  phone: { labels: ['dien thoai', 'so dien thoai'], required: false },
  password: { labels: ['mat khau'], required: true },
  role: { labels: ['vai tro'], required: false },
  unitCode: { labels: ['ma don vi'], required: false },
} as const;

export const USER_SHEET_HEADERS = [
  'Tên đăng nhập',
  'Họ và tên',
  'Email',
  'Điện thoại',
  'Mật khẩu',
  'Vai trò',
  'Mã đơn vị',
];

const ROLE_WORDS = new Map<string, Role>();
for (const r of ROLE_CATALOGUE) {
  ROLE_WORDS.set(r.role, r.role);
  ROLE_WORDS.set(foldVietnamese(r.label), r.role);
  ROLE_WORDS.set(foldVietnamese(r.labelEn), r.role);
}

export function parseUsersTable(rows: TableRow[]): { records: UserRecord[]; problems: RowProblem[] } {
  const located = locateColumns(rows, COLUMNS, foldVietnamese);
  if (!located) {
    return {
      records: [],
      problems: [
        {
          row: rows[0]?.row ?? 1,
          column: '',
          code: 'HEADER_NOT_FOUND',
          params: { columns: USER_SHEET_HEADERS.join(' | ') },
          message: `Không tìm thấy dòng tiêu đề: ${USER_SHEET_HEADERS.join(' | ')}.`,
        },
      ],
    };
  }
  const { headerIndex, index } = located;
  const records: UserRecord[] = [];
  const problems: RowProblem[] = [];
  for (const { row, cells } of rows.slice(headerIndex + 1)) {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const username = cell(index.username).toLowerCase();
    if (!username && cells.every((c) => !c)) continue;
    const before = problems.length;
    if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username))
      problems.push({
        row,
        column: 'Tên đăng nhập',
        code: 'USERNAME_INVALID',
        params: { value: username.slice(0, 80) },
        message: `Tên đăng nhập "${username.slice(0, 80)}" không hợp lệ.`,
      });
    const fullName = toNfc(cell(index.fullName));
    if (!fullName || fullName.length > 200)
      problems.push({
        row,
        column: 'Họ và tên',
        code: 'FULL_NAME_INVALID',
        params: { max: 200 },
        message: 'Họ và tên trống hoặc dài quá 200 ký tự.',
      });
    const email = cell(index.email) || null;
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      problems.push({
        row,
        column: 'Email',
        code: 'EMAIL_INVALID',
        params: { value: email.slice(0, 80) },
        message: `Email "${email.slice(0, 80)}" không hợp lệ.`,
      });
    const roleText = cell(index.role);
    const role = roleText ? (ROLE_WORDS.get(foldVietnamese(roleText)) ?? null) : null;
    if (roleText && !role)
      problems.push({
        row,
        column: 'Vai trò',
        code: 'ROLE_UNKNOWN',
        params: { value: roleText.slice(0, 80) },
        message: `Vai trò "${roleText.slice(0, 80)}" không có trong danh mục.`,
      });
    const unitCode = cell(index.unitCode) || null;
    if (role && !unitCode)
      problems.push({
        row,
        column: 'Mã đơn vị',
        code: 'UNIT_REQUIRED_WITH_ROLE',
        message: 'Có vai trò thì phải có mã đơn vị.',
      });
    if (problems.length === before) {
      records.push({
        row,
        username,
        fullName,
        email,
        phone: cell(index.phone) || null,
        password: cell(index.password),
        role,
        unitCode,
      });
    }
  }
  return { records, problems };
}
