// Who may call a route: every route under /api and /healthz declares it in its config (`access`), and the
// server refuses to start with a route that does not (plugins/route-access.ts), so a new route cannot ship
// without a decision about who may call it. The declaration is the route's outer gate, checked before the
// body is read; the policy functions in core/policy still decide, object by object, within the caller's
// reach (an object out of reach answers 404 so that its existence never leaks).
//
// - 'public': anyone, without a session (login, health, the public portal, the public signing keys);
// - 'signed-in': every signed-in account; what it answers depends on the caller's reach and, for the
//   appraisal routes, on membership of an appraisal body, which is not a role;
// - a list of roles: only callers holding at least one of them on some unit (system administrators
//   always pass). A caller holding none gets 403 whatever the object: the answer depends on the caller
//   alone, so it tells nothing about the object.
import { type Actor, holdsAnyRole, isSystemAdmin } from '../../core/policy/actor.ts';
import { AUDIT_READER_ROLES } from '../../core/policy/audit-policy.ts';
import { EVIDENCE_READERS, EVIDENCE_WRITERS } from '../../core/policy/evidence-policy.ts';
import { ROLE_CATALOGUE, type Role } from '../../core/policy/roles.ts';

export type RouteAccess = 'public' | 'signed-in' | { roles: readonly Role[] };

/** The DX office manages units, accounts, index sets, campaigns, approval and publication. */
export const DX_OFFICE: RouteAccess = { roles: ['dx_office'] };
/** The audit log: the DX offices (and system administrators). */
export const AUDIT_READERS: RouteAccess = { roles: AUDIT_READER_ROLES };
/** A unit's reporters and leader write its self-assessment and its evidence library. */
export const UNIT_STAFF: RouteAccess = { roles: EVIDENCE_WRITERS };
/** Everyone who may read a unit's evidence within reach (core/policy/evidence-policy.ts). */
export const EVIDENCE_READER: RouteAccess = { roles: EVIDENCE_READERS };
/** Figures come from the DX office or a data supplier (the one-stop-shop system, a specialised agency). */
export const FIGURE_SUPPLIERS: RouteAccess = { roles: ['dx_office', 'data_supplier'] };
/** "Kiểm tra trước khi nộp": the unit's reporters and leader, and the DX office recording a paper submission. */
export const SUBMISSION_CHECKERS: RouteAccess = { roles: ['unit_reporter', 'unit_leader', 'dx_office'] };
/** Following a campaign's progress: the DX office, the support team and the council (campaign-policy.ts). */
export const PROGRESS_FOLLOWERS: RouteAccess = {
  roles: ['dx_office', 'support_team', 'council_chair', 'council_member'],
};

/** Whether the caller passes the route's outer gate (the object-level policy still applies). */
export function passesRouteGate(access: RouteAccess, actor: Actor | null): boolean {
  if (access === 'public') return true;
  if (!actor) return false;
  if (access === 'signed-in') return true;
  return isSystemAdmin(actor) || holdsAnyRole(actor, access.roles);
}

/** The declaration in Vietnamese, for the OpenAPI document read by the province's integrators. */
export function describeAccess(access: RouteAccess): string {
  if (access === 'public') return 'Công khai, không cần đăng nhập.';
  if (access === 'signed-in') return 'Mọi tài khoản đã đăng nhập; dữ liệu trả về theo phạm vi của tài khoản.';
  const labels = ['system_admin' as Role, ...access.roles].map((r) => ROLE_CATALOGUE.find((c) => c.role === r)!.label);
  return `Chỉ tài khoản có vai trò: ${[...new Set(labels)].join('; ')}.`;
}

export function isRouteAccess(value: unknown): value is RouteAccess {
  if (value === 'public' || value === 'signed-in') return true;
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { roles?: unknown }).roles) &&
    (value as { roles: unknown[] }).roles.length > 0
  );
}
