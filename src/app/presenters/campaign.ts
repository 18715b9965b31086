// What the API shows of a campaign (Campaign in the contract): settings, groups with their pinned
// index-set versions, the actions the caller may take now, and abilities from the policy.
import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_STATUS_LABELS,
  type CampaignStatus,
  availableActions,
} from '../../core/campaign/index.ts';
import { type Actor, campaignAbilities } from '../../core/policy/index.ts';
import type { CampaignWithOwner, GroupWithFramework } from '../../db/queries/campaigns.ts';
import { campaignRefOf } from '../campaigns/campaign-access.ts';

export function presentGroup(g: GroupWithFramework) {
  return {
    id: g.id,
    name: g.name,
    unitGroupId: g.unitGroupId,
    frameworkId: g.frameworkId,
    frameworkCode: g.frameworkCode,
    frameworkName: g.frameworkName,
    frameworkVersion: g.frameworkVersion,
    frameworkStatus: g.frameworkStatus,
    reportingPeriod: { from: g.reportingFrom, to: g.reportingTo },
    deadlines: {
      selfAssessment: g.deadlineSelfAssessment,
      preReview: g.deadlinePreReview,
      appraisal: g.deadlineAppraisal,
      publication: g.deadlinePublication,
    },
    appraiser: g.appraiser,
    unitCount: g.unitCount,
  };
}

export function presentCampaign(row: CampaignWithOwner, groups: GroupWithFramework[], actor: Actor) {
  const c = row.campaign;
  const status = c.status as CampaignStatus;
  const abilities = campaignAbilities(actor, campaignRefOf(row));
  return {
    id: c.id,
    name: c.name,
    year: c.year,
    kind: c.kind,
    progressMonths: c.progressMonths,
    parentCampaignId: c.parentCampaignId,
    status,
    statusLabel: CAMPAIGN_STATUS_LABELS[status] ?? c.status,
    ownerUnit: { id: c.ownerUnitId, code: row.ownerCode, name: row.ownerName },
    rules: c.rules,
    groups: groups.map(presentGroup),
    rowVersion: c.rowVersion,
    createdAt: c.createdAt.toISOString(),
    availableActions: abilities.transition
      ? availableActions(status).map((action) => ({ action, label: CAMPAIGN_ACTIONS[action].label }))
      : [],
    abilities,
  };
}

export type CampaignView = ReturnType<typeof presentCampaign>;
