// Menu entries, each shown only when the user's global abilities allow the page.
import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  CalendarOutlined,
  CloudDownloadOutlined,
  ClusterOutlined,
  FormOutlined,
  HomeOutlined,
  OrderedListOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { GlobalAbilities, RoleAssignment } from '../../contract/auth.ts';
import type { MessageKey } from '../i18n/vi.ts';

export interface NavItem {
  path: string;
  label: MessageKey;
  hint: MessageKey;
  icon: ReactNode;
  allowed: (a: GlobalAbilities, roles: readonly RoleAssignment[]) => boolean;
}

/** Support team and council members work in the appraisal workspace. */
export function hasAppraisalRole(roles: readonly RoleAssignment[]): boolean {
  return roles.some((r) => r.role === 'support_team' || r.role === 'council_member' || r.role === 'council_chair');
}

/** Staff of a unit (reporter or leader) work on their unit's self-assessments. */
export function hasUnitRole(roles: readonly RoleAssignment[]): boolean {
  return roles.some((r) => r.role === 'unit_reporter' || r.role === 'unit_leader');
}

/** Leaders, DX offices, councils and viewers see the overview dashboards (server: DASHBOARD_ROLES). */
const DASHBOARD_ROLES = ['dx_office', 'support_team', 'council_member', 'council_chair', 'viewer'];
export function hasDashboardRole(roles: readonly RoleAssignment[]): boolean {
  return roles.some((r) => DASHBOARD_ROLES.includes(r.role));
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: 'nav.home', hint: 'home.intro', icon: <HomeOutlined />, allowed: () => true },
  {
    path: '/my-assessments',
    label: 'nav.myAssessments',
    hint: 'home.link.myAssessments',
    icon: <FormOutlined />,
    allowed: (_a, roles) => hasUnitRole(roles),
  },
  {
    path: '/my-result',
    label: 'nav.myResult',
    hint: 'home.link.myResult',
    icon: <BarChartOutlined />,
    allowed: (_a, roles) => hasUnitRole(roles),
  },
  {
    path: '/dashboards',
    label: 'nav.dashboards',
    hint: 'home.link.dashboards',
    icon: <DashboardOutlined />,
    allowed: (a, roles) => hasDashboardRole(roles) || a.manageCampaigns,
  },
  {
    path: '/appraisal',
    label: 'nav.appraisal',
    hint: 'home.link.appraisal',
    icon: <SolutionOutlined />,
    allowed: (a, roles) => hasAppraisalRole(roles) || a.manageCampaigns,
  },
  {
    path: '/campaigns',
    label: 'nav.campaigns',
    hint: 'home.link.campaigns',
    icon: <CalendarOutlined />,
    allowed: (a) => a.manageCampaigns,
  },
  {
    path: '/data-sources',
    label: 'nav.dataSources',
    hint: 'home.link.dataSources',
    icon: <CloudDownloadOutlined />,
    allowed: (a) => a.manageCampaigns,
  },
  {
    path: '/frameworks',
    label: 'nav.frameworks',
    hint: 'home.link.frameworks',
    icon: <OrderedListOutlined />,
    allowed: (a) => a.manageFrameworks,
  },
  {
    path: '/org-units',
    label: 'nav.orgUnits',
    hint: 'home.link.orgUnits',
    icon: <ApartmentOutlined />,
    allowed: (a) => a.manageUnits,
  },
  {
    path: '/unit-groups',
    label: 'nav.unitGroups',
    hint: 'home.link.unitGroups',
    icon: <ClusterOutlined />,
    allowed: (a) => a.manageGroups,
  },
  {
    path: '/users',
    label: 'nav.users',
    hint: 'home.link.users',
    icon: <TeamOutlined />,
    allowed: (a) => a.manageUsers,
  },
  { path: '/audit', label: 'nav.audit', hint: 'home.link.audit', icon: <AuditOutlined />, allowed: (a) => a.viewAudit },
  { path: '/profile', label: 'nav.profile', hint: 'home.link.profile', icon: <UserOutlined />, allowed: () => true },
];
