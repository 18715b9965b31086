// Which section of the user guide (/huong-dan/<page>#<section>, docs/user-guide) explains the page the
// user is on, given their roles. Section ids are the headings folded without diacritics.
import type { RoleAssignment } from '../../contract/auth.ts';

const has = (roles: readonly RoleAssignment[], ...names: string[]) => roles.some((r) => names.includes(r.role));

function rolePage(roles: readonly RoleAssignment[]): string {
  if (has(roles, 'dx_office', 'system_admin')) return 'quan-tri-nghiep-vu';
  if (has(roles, 'council_chair', 'council_member')) return 'hoi-dong-tham-dinh';
  if (has(roles, 'support_team')) return 'to-giup-viec';
  if (has(roles, 'unit_leader')) return 'lanh-dao-don-vi';
  if (has(roles, 'unit_reporter')) return 'can-bo-nhap-lieu';
  return '';
}

export function helpTarget(pathname: string, roles: readonly RoleAssignment[]): string {
  const at = (page: string, section?: string) => `/huong-dan/${page}${section ? `#${section}` : ''}`;
  const unitPage = has(roles, 'unit_leader') ? 'lanh-dao-don-vi' : 'can-bo-nhap-lieu';
  const appraisalPage = has(roles, 'council_chair', 'council_member')
    ? 'hoi-dong-tham-dinh'
    : has(roles, 'support_team')
      ? 'to-giup-viec'
      : 'quan-tri-nghiep-vu';
  const rules: [RegExp, () => string][] = [
    [
      /^\/(my-assessments|assessments\/)/,
      () =>
        unitPage === 'lanh-dao-don-vi'
          ? at(unitPage, 'kiem-tra-va-nop-bao-cao')
          : at(unitPage, 'nhap-so-lieu-va-diem-tu-cham'),
    ],
    [
      /^\/(my-result|dashboards\/unit\/)/,
      () =>
        at(
          has(roles, 'unit_leader', 'unit_reporter') ? 'lanh-dao-don-vi' : 'quan-tri-nghiep-vu',
          'ket-qua-khoang-cach-va-thu-thay-doi-diem',
        ),
    ],
    [
      /^\/dashboards/,
      () =>
        at(
          has(roles, 'dx_office') || !has(roles, 'council_chair', 'council_member')
            ? 'quan-tri-nghiep-vu'
            : 'hoi-dong-tham-dinh',
          'trang-tong-quan',
        ),
    ],
    [/^\/campaigns\/[^/]+\/appraisal-admin/, () => at('quan-tri-nghiep-vu', 'phe-duyet-va-cong-bo')],
    [/^\/(appraisal|campaigns\/[^/]+\/appraisal)/, () => at(appraisalPage, 'tham-dinh')],
    [/^\/campaigns\/[^/]+\/results/, () => at('quan-tri-nghiep-vu', 'ket-qua-va-xuat-van-ban')],
    [/^\/campaigns\/[^/]+\/progress/, () => at('quan-tri-nghiep-vu', 'theo-doi-tien-do')],
    [/^\/campaigns/, () => at('quan-tri-nghiep-vu', 'ky-danh-gia')],
    [/^\/frameworks/, () => at('quan-tri-nghiep-vu', 'bo-chi-so')],
    [/^\/(org-units|unit-groups|users|audit)/, () => at('quan-tri-nghiep-vu', 'to-chuc-nguoi-dung-va-nhat-ky')],
  ];
  for (const [re, target] of rules) if (re.test(pathname)) return target();
  const page = rolePage(roles);
  return page ? at(page) : '/huong-dan';
}
