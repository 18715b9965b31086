// Types mirroring docs/api-contract-v1.md.
import type { UnitType } from '../../core/org/unit-types.ts';

export interface Paginated<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RoleAssignment {
  id: string;
  role: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  subtree: boolean;
}

export interface GlobalAbilities {
  manageUnits: boolean;
  manageGroups: boolean;
  manageUsers: boolean;
  viewAudit: boolean;
  manageFrameworks: boolean;
  manageCampaigns: boolean;
}

export interface Me {
  user: { id: string; username: string; fullName: string; email: string | null; phone: string | null };
  roles: RoleAssignment[];
  abilities: GlobalAbilities;
  csrfToken: string;
}

export interface RoleInfo {
  role: string;
  label: string;
  labelEn: string;
  description: string;
  appliesToSubtree: boolean;
}

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  type: UnitType;
  parentId: string | null;
  activeFrom: string | null;
  activeTo: string | null;
  active: boolean;
  version: number;
  abilities: { update: boolean; move: boolean; deactivate: boolean; createChild: boolean };
}

export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

export interface OrgUnitDetail extends OrgUnit {
  lineage: {
    predecessors: (UnitRef & { effectiveDate: string })[];
    successors: (UnitRef & { effectiveDate: string })[];
  };
  groups: UnitRef[];
  path: UnitRef[];
}

export interface UnitGroup {
  id: string;
  code: string;
  name: string;
  description: string | null;
  memberCount: number;
  abilities: { update: boolean; delete: boolean };
}

export interface UnitGroupDetail extends UnitGroup {
  members: OrgUnit[];
}

export interface User {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  active: boolean;
  roles: RoleAssignment[];
  abilities: { update: boolean; assignRoles: boolean; deactivate: boolean };
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string;
  unitId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}
