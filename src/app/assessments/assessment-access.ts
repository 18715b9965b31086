// Loading an assessment for a change and asking the policy: unreadable → 404; readable but the action
// is not the caller's → 403; the campaign not accepting self-assessment → 409 INVALID_STATE.
import { type AssessmentAbilities, assessmentAbilities, type AssessmentRef } from '../../core/policy/index.ts';
import type { AssessmentStatus, CampaignStatus } from '../../core/campaign/index.ts';
import type { AuditActor } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { type AssessmentContext, findReadableAssessment } from '../../db/queries/assessments.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { OperationError, notFound } from '../errors.ts';

export interface AssessmentWho {
  actor: ScopedActor;
  audit: AuditActor;
  userId: string;
}

export function assessmentRefOf(
  ctx: Pick<AssessmentContext, 'assessment' | 'campaign' | 'unit' | 'ownerPath'>,
): AssessmentRef {
  return {
    unit: { id: ctx.unit.id, ancestry: ancestryOf(ctx.unit.path) },
    campaignOwner: { id: ctx.campaign.ownerUnitId, ancestry: ancestryOf(ctx.ownerPath) },
    campaignStatus: ctx.campaign.status as CampaignStatus,
    status: ctx.assessment.status as AssessmentStatus,
    reportersMaySubmit: ctx.campaign.rules.reportersMaySubmit === true,
  };
}

export function abilitiesOf(
  actor: ScopedActor,
  ctx: Pick<AssessmentContext, 'assessment' | 'campaign' | 'unit' | 'ownerPath'>,
): AssessmentAbilities {
  return assessmentAbilities(actor, assessmentRefOf(ctx));
}

export const assessmentNotFound = () => notFound('Không tìm thấy bản tự đánh giá.');

export function campaignNotOpen(status: string): OperationError {
  return new OperationError('INVALID_STATE', 'Kỳ đánh giá không còn mở để tự đánh giá.', { campaignStatus: status });
}

/** Row-locked (FOR UPDATE) for a status change; readable or 404. */
export async function loadAssessmentForChange(tx: Db, who: AssessmentWho, id: string): Promise<AssessmentContext> {
  const ctx = await findReadableAssessment(tx, who.actor, id, 'update');
  if (!ctx) throw assessmentNotFound();
  return ctx;
}

export function forbidden(message: string): OperationError {
  return new OperationError('FORBIDDEN', message);
}
