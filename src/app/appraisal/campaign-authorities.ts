// GET /campaigns/{id}/authorities — who approves and publishes which part of a campaign (the campaign
// owner for council groups, each district for its communes: 000 Điều 9.3–9.4), whether each part is
// approved and published, what the caller may do for each, and the delegations recorded.
import { AUTHORITY_ROLES, canApprove, canPublish, holdsRoleAt } from '../../core/policy/index.ts';
import type { CampaignStatus } from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import { loadGroupsOf } from '../../db/queries/appraisal-bodies.ts';
import { delegationView, delegationsOf } from '../../db/queries/authority-delegations.ts';
import { requiredApprovals } from '../../db/queries/competent-authorities.ts';
import { publishedParts } from '../../db/queries/competent-authorities.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { loadAppraisalCampaign } from './campaign-appraisal-access.ts';

export async function campaignAuthorities(db: Db, actor: ScopedActor, campaignId: string) {
  const c = await loadAppraisalCampaign(db, { actor, campaignId });
  const status = c.campaign.status as CampaignStatus;
  const groups = new Map((await loadGroupsOf(db, campaignId)).map((g) => [g.id, g.name]));
  const required = await requiredApprovals(db, campaignId);
  const delegations = await delegationsOf(db, [...groups.keys()]);
  const published = await publishedParts(db, campaignId);
  const ofGroup = (groupId: string) => delegations.filter((d) => d.groupId === groupId);
  return {
    parts: required.map((r) => ({
      groupId: r.group_id,
      groupName: groups.get(r.group_id) ?? '',
      authority: { id: r.authority_id, name: r.authority_name },
      approved: r.approved,
      published: published.has(`${r.group_id}|${r.authority_id}`),
      canApprove: !r.approved && canApprove(actor, r.authority_id, status, ofGroup(r.group_id)),
      canPublish: r.approved && canPublish(actor, r.authority_id, status, ofGroup(r.group_id)),
    })),
    delegations: delegations.map(delegationView),
    canRecord:
      holdsRoleAt(actor, AUTHORITY_ROLES, c.campaign.ownerUnitId) ||
      required.some((r) => holdsRoleAt(actor, AUTHORITY_ROLES, r.authority_id)),
  };
}
