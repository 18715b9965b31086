// Campaign-level appraisal actions (bodies, members, group not-applicable, closing, approval,
// publication): the campaign reachable (readable, or the caller sits on one of its bodies) else 404,
// the group one of its groups else 404, then the policy.
import type { CampaignStatus } from '../../core/campaign/index.ts';
import {
  type BodyAbilities,
  type UnitRef,
  bodyAbilities,
  campaignAbilities,
  AUTHORITY_ROLES,
  holdsRoleAt,
  holdsRoleOver,
} from '../../core/policy/index.ts';
import { requiredApprovals } from '../../db/queries/competent-authorities.ts';
import type { Db } from '../../db/client.ts';
import {
  type BodyRow,
  findAppraisalCampaign,
  findCampaignGroup,
  loadBodies,
  myMemberships,
} from '../../db/queries/appraisal-bodies.ts';
import type { CampaignGroupRow, CampaignWithOwner } from '../../db/queries/campaigns.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { notFound } from '../errors.ts';
import { campaignRefOf } from '../campaigns/campaign-access.ts';

export type AppraisalCampaign = CampaignWithOwner & { viaMembership: boolean };
export type GroupRow = CampaignGroupRow;

export const campaignNotFound = () => notFound('Không tìm thấy kỳ đánh giá.');

export interface LoadAppraisalCampaignOptions {
  actor: ScopedActor;
  campaignId: string;
  lock?: boolean;
}

export async function loadAppraisalCampaign(
  tx: Db,
  { actor, campaignId: id, lock = false }: LoadAppraisalCampaignOptions,
): Promise<AppraisalCampaign> {
  const c = await findAppraisalCampaign(tx, actor, id, lock);
  if (!c) throw campaignNotFound();
  return c;
}

export function ownerRefOf(c: CampaignWithOwner): UnitRef {
  return { id: c.campaign.ownerUnitId, ancestry: ancestryOf(c.ownerPath) };
}

export interface SeesBodiesOptions {
  actor: ScopedActor;
  campaign: AppraisalCampaign;
  myMemberships: number;
  authority?: boolean;
}

/**
 * Who sees a campaign's appraisal bodies and their members: the DX office running it and its overseers
 * (support team, council roles, viewers of the owner unit), and whoever sits on one of its bodies. To
 * anyone else a member of that campaign does not exist (404, never 403: existence must not leak).
 */
export function seesBodies({ actor, campaign: c, myMemberships, authority = false }: SeesBodiesOptions): boolean {
  return (
    authority ||
    c.viaMembership ||
    myMemberships > 0 ||
    campaignAbilities(actor, campaignRefOf(c)).viewProgress ||
    holdsRoleOver(actor, ['viewer'], ownerRefOf(c))
  );
}

/**
 * Does the caller act for one of the campaign's competent authorities (a district for its communes: 000 Điều
 * 8.2, 9.4), on that unit itself? Such an authority reads the bodies, results and publications it works with.
 */
export async function isCampaignAuthority(tx: Db, actor: ScopedActor, campaignId: string): Promise<boolean> {
  const parts = await requiredApprovals(tx, campaignId);
  return parts.some((p) => holdsRoleAt(actor, AUTHORITY_ROLES, p.authority_id));
}

export async function loadGroup(tx: Db, campaignId: string, groupId: string): Promise<GroupRow> {
  const g = await findCampaignGroup(tx, groupId);
  if (!g || g.campaignId !== campaignId) throw notFound('Không tìm thấy nhóm đơn vị của kỳ đánh giá.');
  return g;
}

export interface GroupBodyState {
  body: BodyRow | null;
  kind: 'council' | 'parent_unit';
  abilities: BodyAbilities;
}

export interface GroupBodyStateOptions {
  actor: ScopedActor;
  campaign: CampaignWithOwner;
  group: GroupRow;
}

/** The group's body (or the implicit parent-unit one) and what the caller may do with it. */
export async function groupBodyState(
  tx: Db,
  { actor, campaign: c, group }: GroupBodyStateOptions,
): Promise<GroupBodyState> {
  const body = (await loadBodies(tx, [group.id])).get(group.id) ?? null;
  const membership = (await myMemberships(tx, actor.userId, [group.id])).get(group.id) ?? null;
  const kind = (body?.kind ?? (group.appraiser === 'parent_unit' ? 'parent_unit' : 'council')) as
    | 'council'
    | 'parent_unit';
  const abilities = bodyAbilities(actor, {
    campaignStatus: c.campaign.status as CampaignStatus,
    bodyKind: kind,
    membership,
    owner: ownerRefOf(c),
  });
  return { body, kind, abilities };
}
