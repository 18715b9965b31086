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
  /** Once submitted: the items the DX office reopened may still be changed (itemEditRefusal). */
  editReopened: boolean;
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
    editReopened: unitStaff && open && a.status === 'submitted',
  };
}

/** Why a person may not change one item of a self-assessment, or null when they may: the unit's reporters
 *  and leaders, while the campaign takes self-assessments, in a draft — or, once submitted, in an item the
 *  DX office reopened. The one home of this rule: the save refuses by it, the form greys items by it. */
export function itemEditRefusal(
  actor: Actor,
  a: AssessmentRef,
  item: { reopened: boolean } | null,
): 'not_unit_staff' | 'campaign_closed' | 'submitted' | null {
  if (!holdsRoleOver(actor, ['unit_reporter', 'unit_leader'], a.unit)) return 'not_unit_staff';
  if (!acceptsSelfAssessment(a.campaignStatus)) return 'campaign_closed';
  if (a.status === 'submitted' && !item?.reopened) return 'submitted';
  return null;
}
