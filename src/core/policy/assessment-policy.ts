// A unit's assessment in a campaign. The unit's reporters and leader enter figures while the campaign is
// open and the assessment (or the item, when reopened) is not submitted; the leader submits (a reporter
// too when the campaign allows it); the DX office running the campaign reopens. Those who appraise or
// oversee the unit read it.
import type { AssessmentStatus, CampaignStatus } from '../campaign/types.ts';
import { acceptsSelfAssessment } from '../campaign/campaign-status.ts';
import { type Actor, type UnitRef, holdsRoleOver } from './actor.ts';

export interface AssessmentRef {
  unit: UnitRef;
  campaignOwner: UnitRef;
  campaignStatus: CampaignStatus;
  status: AssessmentStatus;
  reportersMaySubmit: boolean;
}

export interface AssessmentAbilities {
  read: boolean;
  edit: boolean;
  submit: boolean;
  reopen: boolean;
  recordSubmission: boolean;
  uploadEvidence: boolean;
}

const OVERSEERS = ['dx_office', 'support_team', 'council_member', 'council_chair', 'viewer'] as const;

export function assessmentAbilities(actor: Actor, a: AssessmentRef): AssessmentAbilities {
  const unitStaff = holdsRoleOver(actor, ['unit_reporter', 'unit_leader'], a.unit);
  const leader = holdsRoleOver(actor, ['unit_leader'], a.unit);
  const office = holdsRoleOver(actor, ['dx_office'], a.campaignOwner);
  const read = unitStaff || office || holdsRoleOver(actor, OVERSEERS, a.unit);
  const open = acceptsSelfAssessment(a.campaignStatus);
  const editable = open && a.status === 'draft';
  return {
    read,
    edit: unitStaff && editable,
    submit: editable && (leader || (a.reportersMaySubmit && unitStaff)),
    reopen: office && open && a.status === 'submitted',
    recordSubmission: office && editable,
    uploadEvidence: unitStaff && open,
  };
}

/** A single reopened item stays editable in a submitted assessment. */
export function canEditReopenedItem(actor: Actor, a: AssessmentRef): boolean {
  return holdsRoleOver(actor, ['unit_reporter', 'unit_leader'], a.unit) && acceptsSelfAssessment(a.campaignStatus);
}
