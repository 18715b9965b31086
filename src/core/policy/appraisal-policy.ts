// Appraisal of a unit's items. With a council (002 Điều 7.1), membership decides: the support team
// proposes scores; members, the vice chair and the chair set final scores on what they are assigned
// (by main indicator / domain and/or by unit; chair and vice chair on everything); the chair closes the
// appraisal. With the parent-unit rule (000 Điều 8.2: a district appraises its communes), the roles held
// on the unit's parent itself play those parts — not a wider role over it, unless the district delegated
// (competent-authority.ts). Units reply to requests for more evidence (001 II.3.b).
import type { CampaignStatus } from '../campaign/types.ts';
import type { CouncilPosition, MemberAssignment } from '../appraisal/types.ts';
import { type Actor, type UnitRef, holdsRoleOver } from './actor.ts';
import { AUTHORITY_ROLES, type Delegation, actsFor } from './competent-authority.ts';

export interface AppraisalContext {
  campaignStatus: CampaignStatus;
  bodyKind: 'council' | 'parent_unit';
  /** The actor's membership in the group's council (council mode), if any. */
  membership: { position: CouncilPosition; assignment: MemberAssignment } | null;
  unit: UnitRef;
  /** The unit's parent (the appraising district in parent_unit mode). */
  parent: UnitRef | null;
  /** The group's recorded delegations (an authority letting another unit's officials act in its place). */
  delegations?: readonly Delegation[];
}

export interface ItemAppraisalAbilities {
  read: boolean;
  propose: boolean;
  appraise: boolean;
  request: boolean;
}

export interface BodyAbilities {
  closeAppraisal: boolean;
  markGroupNotApplicable: boolean;
  manageMembers: boolean;
}

const REVIEWING: readonly CampaignStatus[] = ['self_assessment_closed', 'under_appraisal'];

/** The part the actor plays for this unit: its council position, or the one its roles on the parent give. */
export function effectivePosition(actor: Actor, ctx: AppraisalContext): CouncilPosition | null {
  if (ctx.bodyKind === 'council') return ctx.membership?.position ?? null;
  const parent = ctx.parent;
  if (!parent) return null;
  // The district's own officials (000 Điều 8.2), or those of a unit it delegated appraisal to.
  const at = (roles: Parameters<typeof actsFor>[1]) =>
    actsFor(actor, roles, parent.id, 'appraise', ctx.delegations).acts;
  if (at(['council_chair', 'dx_office'])) return 'chair';
  if (at(['council_member'])) return 'member';
  if (at(['support_team'])) return 'support';
  return null;
}

/** Whether a member's assignment covers this unit and item (empty lists mean everything). */
export function assignmentCovers(
  a: MemberAssignment,
  unitId: string,
  node: { code: string; domain?: string | undefined },
): boolean {
  const unitOk = a.unitIds.length === 0 || a.unitIds.includes(unitId);
  const byCode = a.nodeCodes.some((c) => node.code === c || node.code.startsWith(`${c}.`));
  const byDomain = node.domain !== undefined && a.domains.includes(node.domain);
  const itemOk = (a.nodeCodes.length === 0 && a.domains.length === 0) || byCode || byDomain;
  return unitOk && itemOk;
}

export function itemAppraisalAbilities(
  actor: Actor,
  ctx: AppraisalContext,
  node: { code: string; domain?: string | undefined },
): ItemAppraisalAbilities {
  const position = effectivePosition(actor, ctx);
  if (!position)
    return {
      read: holdsRoleOver(actor, ['dx_office', 'viewer'], ctx.unit),
      propose: false,
      appraise: false,
      request: false,
    };
  const assigned =
    position === 'chair' ||
    position === 'vice_chair' ||
    ctx.bodyKind === 'parent_unit' ||
    !ctx.membership ||
    assignmentCovers(ctx.membership.assignment, ctx.unit.id, node);
  const reviewing = REVIEWING.includes(ctx.campaignStatus);
  const appraising = ctx.campaignStatus === 'under_appraisal';
  return {
    read: true,
    propose: reviewing && assigned && (position === 'support' || position === 'secretary'),
    appraise: appraising && assigned && (position === 'chair' || position === 'vice_chair' || position === 'member'),
    request: reviewing && assigned && position !== 'secretary',
  };
}

export function bodyAbilities(
  actor: Actor,
  ctx: Omit<AppraisalContext, 'unit' | 'parent'> & { owner: UnitRef },
): BodyAbilities {
  const position = ctx.membership?.position ?? null;
  const office = holdsRoleOver(actor, ['dx_office'], ctx.owner);
  return {
    closeAppraisal:
      ctx.campaignStatus === 'under_appraisal' && (position === 'chair' || (ctx.bodyKind === 'parent_unit' && office)),
    markGroupNotApplicable:
      ctx.campaignStatus === 'under_appraisal' && (position === 'chair' || position === 'vice_chair'),
    manageMembers: office && ctx.campaignStatus !== 'published' && ctx.campaignStatus !== 'archived',
  };
}

/** The unit answers a request on its own item until the request's deadline (end of that day in Vietnam). */
export function canReplyToRequest(
  actor: Actor,
  unit: UnitRef,
  request: { open: boolean; deadlinePassed: boolean },
): boolean {
  return request.open && !request.deadlinePassed && holdsRoleOver(actor, ['unit_reporter', 'unit_leader'], unit);
}

/**
 * Approval by the competent authority (000 Điều 9.3–9.4): the DX office of the province for its groups, of
 * the district for its communes — on that unit itself, or under a delegation of the power to approve.
 */
export function canApprove(
  actor: Actor,
  authorityUnitId: string,
  status: CampaignStatus,
  delegations: readonly Delegation[] = [],
): boolean {
  return status === 'under_appraisal' && actsFor(actor, AUTHORITY_ROLES, authorityUnitId, 'approve', delegations).acts;
}

/** Publication of what an authority approved, by that authority (or under a delegation to publish). */
export function canPublish(
  actor: Actor,
  authorityUnitId: string,
  status: CampaignStatus,
  delegations: readonly Delegation[] = [],
): boolean {
  const open = status === 'under_appraisal' || status === 'approved' || status === 'published';
  return open && actsFor(actor, AUTHORITY_ROLES, authorityUnitId, 'publish', delegations).acts;
}
