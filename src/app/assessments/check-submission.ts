// GET /assessments/{id}/check — "Kiểm tra trước khi nộp" (issue 13 §6): every problem that would stop
// the submission, and what the server's clock makes of its timing, without sending anything. Who: the
// unit's reporters and leaders (a reporter runs it even when only the leader submits), and the DX
// office running the campaign (it records paper submissions and reopens items). Others who may read
// the assessment → 403; unreadable → 404.
import { type PreSubmissionCheck, type CampaignStatus, preSubmissionCheck } from '../../core/campaign/index.ts';
import { holdsRoleOver } from '../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import { loadCheckItems } from '../../db/queries/assessment-submit.ts';
import { findReadableAssessment } from '../../db/queries/assessments.ts';
import { loadDefinition } from '../../db/queries/framework-definitions.ts';
import { notFound } from '../errors.ts';
import {
  type AssessmentWho,
  abilitiesOf,
  assessmentNotFound,
  assessmentRefOf,
  forbidden,
} from './assessment-access.ts';

export async function checkSubmission(
  db: Db,
  { who, id, now }: { who: AssessmentWho; id: string; now: Date },
): Promise<PreSubmissionCheck> {
  const ctx = await findReadableAssessment(db, who.actor, id);
  if (!ctx) throw assessmentNotFound();
  const ref = assessmentRefOf(ctx);
  const staff = holdsRoleOver(who.actor, ['unit_reporter', 'unit_leader'], ref.unit);
  if (!staff && !holdsRoleOver(who.actor, ['dx_office'], ref.campaignOwner))
    throw forbidden(
      'Chỉ cán bộ nhập liệu, lãnh đạo đơn vị và cơ quan chuyên trách được kiểm tra bản tự đánh giá trước khi nộp.',
    );
  const def = await loadDefinition(db, ctx.group.frameworkId);
  if (!def) throw notFound('Không tìm thấy bộ chỉ số của bản tự đánh giá.');
  const { items, reopened } = await loadCheckItems(db, id);
  return preSubmissionCheck({
    definition: def.definition,
    entries: new Map(items.map((i) => [i.code, i])),
    rules: ctx.campaign.rules,
    kind: ctx.campaign.kind,
    campaignStatus: ctx.campaign.status as CampaignStatus,
    deadline: ctx.group.deadlineSelfAssessment,
    submitted: ctx.assessment.status === 'submitted',
    reopened,
    callerMaySubmit: abilitiesOf(who.actor, ctx).submit,
    now,
  });
}
