// A unit supplements its evidence during appraisal on its own (001 II.3.b; issue 13 §5): POST
// /assessments/{id}/items/{code}/supplements adds an explanation and documents of the unit's library to
// ANY item of its submitted assessment — no council request needed — while the group is under appraisal
// (core/policy supplementRefusal: until the council closes the group, or the campaign's supplement
// deadline). The self score, figures and the original explanation stay locked (409 SELF_SCORE_LOCKED when
// sent). The documents are also linked to the item, so they count as its evidence. Dated and audited on
// the item; the support team and council see it on the item's thread and as "Bổ sung từ lần xem trước"
// in their queue until they look at or decide the item (markItemLooked).
import { vietnamDateOf } from '../../core/campaign/index.ts';
import { type SupplementContext, type SupplementRefusal, supplementRefusal } from '../../core/policy/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import type { AppraisalRow } from '../../db/queries/appraisal-context.ts';
import { linkItemEvidence } from '../../db/queries/appraisal-evidence.ts';
import { insertSupplement, markLooked } from '../../db/queries/item-supplements.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { OperationError } from '../errors.ts';
import { type AppraisalWho, forbidden, itemAbilitiesOf, loadItemTarget } from './appraisal-access.ts';
import { checkLibrary } from './requests.ts';

export interface SupplementInput {
  text: string;
  evidenceIds: string[];
  /** Declared so that a client sending them is told the self score is locked, never silently ignored. */
  selfScore?: unknown;
  inputs?: unknown;
  explanation?: unknown;
}

export function supplementContextOf(row: AppraisalRow, now: Date): SupplementContext {
  return {
    unit: { id: row.unit.id, ancestry: ancestryOf(row.unit.path) },
    campaignStatus: row.campaign.status as SupplementContext['campaignStatus'],
    assessmentStatus: row.assessment.status as SupplementContext['assessmentStatus'],
    groupClosed: row.body?.closedAt !== null && row.body?.closedAt !== undefined,
    supplementDeadline: row.campaign.rules.supplementDeadline ?? null,
    today: vietnamDateOf(now),
  };
}

/** Whether the caller may supplement this assessment now, and if not why (the form's "Bổ sung" action). */
export function supplementAbility(actor: ScopedActor, row: AppraisalRow, now: Date): SupplementRefusal | null {
  return supplementRefusal(actor, supplementContextOf(row, now));
}

const showDate = (iso: string) => iso.split('-').reverse().join('/');

function refused(refusal: SupplementRefusal, row: AppraisalRow): OperationError {
  switch (refusal) {
    case 'not_unit_staff':
      return forbidden('Chỉ cán bộ nhập liệu và lãnh đạo của đơn vị được bổ sung bản tự đánh giá của đơn vị.');
    case 'appraisal_not_started':
      return new OperationError(
        'SUPPLEMENT_NOT_OPEN',
        'Chưa đến giai đoạn thẩm định: đơn vị sửa trực tiếp bản tự đánh giá khi kỳ đánh giá còn mở.',
        { reason: refusal, campaignStatus: row.campaign.status },
      );
    case 'not_submitted':
      return new OperationError('SUPPLEMENT_NOT_OPEN', 'Đơn vị chưa gửi bản tự đánh giá: không có gì để bổ sung.', {
        reason: refusal,
        assessmentStatus: row.assessment.status,
      });
    case 'appraisal_over':
      return new OperationError('SUPPLEMENT_CLOSED', 'Kỳ đánh giá đã qua giai đoạn thẩm định: không thể bổ sung.', {
        reason: refusal,
        campaignStatus: row.campaign.status,
      });
    case 'appraisal_closed':
      return new OperationError(
        'SUPPLEMENT_CLOSED',
        `Hội đồng đã kết thúc thẩm định nhóm "${row.group.name}": không thể bổ sung.`,
        { reason: refusal, closedAt: row.body?.closedAt?.toISOString() ?? null },
      );
    case 'deadline_passed': {
      const deadline = row.campaign.rules.supplementDeadline!;
      return new OperationError(
        'SUPPLEMENT_DEADLINE_PASSED',
        `Đã hết hạn bổ sung trong thẩm định (hết ngày ${showDate(deadline)}).`,
        { deadline },
      );
    }
  }
}

export interface AddSupplementOptions {
  who: AppraisalWho;
  assessmentId: string;
  code: string;
  input: SupplementInput;
  now: Date;
}

export async function addSupplement(
  db: Db,
  { who, assessmentId: id, code, input, now }: AddSupplementOptions,
): Promise<string> {
  return db.transaction(async (tx) => {
    const { row } = await loadItemTarget(tx, { actor: who.actor, assessmentId: id, code });
    const refusal = supplementAbility(who.actor, row, now);
    if (refusal === 'not_unit_staff') throw refused(refusal, row);
    const locked = (['selfScore', 'inputs', 'explanation'] as const).filter((k) => input[k] !== undefined);
    if (locked.length > 0)
      throw new OperationError(
        'SELF_SCORE_LOCKED',
        'Trong thẩm định, điểm tự chấm, số liệu và nội dung giải trình đã gửi không được sửa; chỉ được bổ sung tài liệu kiểm chứng và giải trình thêm.',
        { fields: locked },
      );
    if (refusal) throw refused(refusal, row);
    const evidenceIds = [...new Set(input.evidenceIds)].sort();
    await checkLibrary(tx, row.unit.id, evidenceIds);
    const text = input.text.normalize('NFC').trim();
    const supplementId = await insertSupplement(tx, {
      assessmentId: id,
      code,
      text,
      evidenceIds,
      suppliedBy: who.userId,
      suppliedAt: now,
    });
    if (evidenceIds.length > 0) await linkItemEvidence(tx, id, code, evidenceIds);
    await writeAudit(tx, who.audit, {
      action: 'appraisal.supplement.create',
      objectType: 'assessment_item',
      objectId: `${id}:${code}`,
      unitId: row.unit.id,
      after: { supplementId, text, evidenceIds, suppliedAt: now.toISOString() },
    });
    return supplementId;
  });
}

export interface MarkItemLookedOptions {
  who: AppraisalWho;
  assessmentId: string;
  code: string;
  now: Date;
}

/**
 * The reviewer opened the item (POST …/looked): supplements made before now no longer raise the flag for
 * them. Only someone with a part in the item's appraisal (propose, appraise, ask) records a look; bookkeeping
 * of the reviewer's own queue, not a change of the item, so it is not audited.
 */
export async function markItemLooked(
  db: Db,
  { who, assessmentId: id, code, now }: MarkItemLookedOptions,
): Promise<void> {
  const { row, node } = await loadItemTarget(db, { actor: who.actor, assessmentId: id, code });
  const a = itemAbilitiesOf(who.actor, row, node);
  if (!a.propose && !a.appraise && !a.request)
    throw forbidden('Bạn không có phần việc thẩm định chỉ số này của đơn vị.');
  await markLooked(db, who.userId, [{ assessmentId: id, code }], now);
}
