// The competent authority (000 Điều 8.1–8.2, 9.3–9.4; issue 13 §2). Each group of a campaign has a body
// that appraises it and an authority that approves and publishes its results:
//   - a council group (departments and, before 7/2025, districts; communes too in the two-level model):
//     the council appraises; the campaign owner (the province's People's Committee, its DX office acting)
//     approves and publishes;
//   - a parent-unit group (communes before 7/2025): each commune's district appraises, approves and
//     publishes (Điều 8.2: "do UBND cấp huyện thực hiện"; Điều 9.4: "UBND cấp huyện phê duyệt và công bố").
// Only the officials of that body or authority act: roles held *on that unit itself*. A wider role — the
// province's DX office over a district, a system administrator — does not act in its place, unless the
// campaign records an explicit delegation from that authority (who, to whom, which powers, when, why),
// which is audited and printed on the published result.
import type { Role } from './roles.ts';
import type { Actor } from './actor.ts';

/** What an authority may hand over: appraising its units, approving their results, publishing them. */
export type AuthorityPower = 'appraise' | 'approve' | 'publish';
export const AUTHORITY_POWERS: readonly AuthorityPower[] = ['appraise', 'approve', 'publish'];

export interface Delegation {
  /** The authority that hands over (the district, or the campaign owner). */
  fromUnitId: string;
  /** The unit whose officials act in its place. */
  toUnitId: string;
  powers: readonly AuthorityPower[];
  /** A revoked delegation no longer lets anyone act. */
  revoked: boolean;
}

/** The roles that act for an authority: its DX office (acting for its People's Committee). */
export const AUTHORITY_ROLES: readonly Role[] = ['dx_office'];

/** Does the actor hold one of `roles` granted on this very unit (not through a grant on an ancestor)? */
export function holdsRoleAt(actor: Actor, roles: readonly Role[], unitId: string): boolean {
  return actor.grants.some((g) => roles.includes(g.role) && g.unitId === unitId);
}

export interface ActingFor<D extends Delegation = Delegation> {
  acts: boolean;
  /** The delegation the actor acts under, when not on the authority itself. */
  via: D | null;
}

/**
 * Does the actor act for the authority `unitId` with this power: holding one of `roles` on the authority
 * itself, or on a unit the authority delegated the power to (and not revoked).
 */
export function actsFor<D extends Delegation>(
  actor: Actor,
  roles: readonly Role[],
  unitId: string,
  power: AuthorityPower,
  delegations: readonly D[] = [],
): ActingFor<D> {
  if (holdsRoleAt(actor, roles, unitId)) return { acts: true, via: null };
  const via = delegations.find(
    (d) => !d.revoked && d.fromUnitId === unitId && d.powers.includes(power) && holdsRoleAt(actor, roles, d.toUnitId),
  );
  return { acts: via !== undefined, via: via ?? null };
}

export type DelegationProblem =
  /** The delegating unit is not an authority of this group. */
  | 'not_an_authority'
  /** Delegating to itself changes nothing. */
  | 'same_unit'
  /** The delegate must be the campaign owner or a unit above the authority. */
  | 'delegate_out_of_line'
  | 'no_powers'
  | 'reason_required'
  /** The campaign owner may record a delegation only with the authority's document cited. */
  | 'document_required'
  /** The recorder acts neither for the authority nor for the campaign owner. */
  | 'not_allowed';

export interface DelegationRequest {
  fromUnitId: string;
  toUnitId: string;
  powers: readonly AuthorityPower[];
  reason: string;
  documentRef: string | null;
}

/**
 * Why a delegation cannot be recorded, or null. It is recorded by the delegating authority's own DX office,
 * or by the campaign owner's DX office citing the authority's document (a district's written delegation).
 */
export function delegationProblem(
  actor: Actor,
  req: DelegationRequest,
  group: { authorityUnitIds: readonly string[]; ownerUnitId: string; fromAncestry: readonly string[] },
): DelegationProblem | null {
  if (!group.authorityUnitIds.includes(req.fromUnitId)) return 'not_an_authority';
  if (req.fromUnitId === req.toUnitId) return 'same_unit';
  if (req.toUnitId !== group.ownerUnitId && !group.fromAncestry.includes(req.toUnitId)) return 'delegate_out_of_line';
  if (req.powers.length === 0) return 'no_powers';
  if (req.reason.trim() === '') return 'reason_required';
  if (holdsRoleAt(actor, AUTHORITY_ROLES, req.fromUnitId)) return null;
  if (holdsRoleAt(actor, AUTHORITY_ROLES, group.ownerUnitId))
    return req.documentRef?.trim() ? null : 'document_required';
  return 'not_allowed';
}
