// POST /assessments/{id}/items/{code}/objections — a unit objects to the final score of one item (kiến nghị,
// issue 14 §1) with an explanation and documents of its library, within the campaign's objection window
// (core/policy objectionRefusal: the unit's reporters and leader, after approval or publication, n working
// days, the item decided, one open objection per item). Audited on the item; the group's body answers it
// (answer-objection.ts).
import { type ItemObjectionRefusal, itemObjectionRefusal } from '../../core/policy/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { hasOpenObjection, insertObjection } from '../../db/queries/item-objections.ts';
import { loadReviewState } from '../../db/queries/item-reviews.ts';
import { OperationError } from '../errors.ts';
import { type AppraisalWho, forbidden, loadItemTarget } from './appraisal-access.ts';
import { objectionContextOf, unitSeesFinal, windowOf } from './objection-context.ts';
import { checkLibrary } from './requests.ts';

export interface ObjectionInput {
  text: string;
  evidenceIds: string[];
}

/** The refusal as an error with a code the client translates, and the window it was judged against. */
export function objectionRefused(refusal: ItemObjectionRefusal, window: { opens: string; closes: string } | null) {
  switch (refusal) {
    case 'not_unit_staff':
      return forbidden('Chỉ cán bộ nhập liệu và lãnh đạo của đơn vị được kiến nghị về kết quả của đơn vị.');
    case 'not_offered':
      return new OperationError('OBJECTION_NOT_OFFERED', 'Quy định của kỳ đánh giá không có thời hạn kiến nghị.');
    case 'not_yet_open':
      return new OperationError('OBJECTION_NOT_OPEN', 'Kết quả chưa được phê duyệt hoặc công bố: chưa thể kiến nghị.');
    case 'window_closed':
      return new OperationError('OBJECTION_WINDOW_CLOSED', 'Đã hết thời hạn kiến nghị.', {
        opens: window?.opens ?? null,
        closes: window?.closes ?? null,
      });
    case 'item_not_decided':
      return new OperationError(
        'OBJECTION_ITEM_NOT_DECIDED',
        'Chỉ số chưa có điểm thẩm định: không có gì để kiến nghị.',
      );
    case 'result_not_shown':
      return new OperationError(
        'OBJECTION_NOT_OPEN',
        'Kết quả thẩm định của chỉ số chưa được thông báo cho đơn vị: chưa thể kiến nghị.',
        { reason: refusal },
      );
    case 'objection_open':
      return new OperationError(
        'OBJECTION_ALREADY_OPEN',
        'Chỉ số đã có một kiến nghị đang chờ trả lời: chờ trả lời trước khi kiến nghị tiếp.',
      );
  }
}

export interface FileObjectionOptions {
  who: AppraisalWho;
  assessmentId: string;
  code: string;
  input: ObjectionInput;
  now: Date;
}

export async function fileObjection(
  db: Db,
  { who, assessmentId: id, code, input, now }: FileObjectionOptions,
): Promise<string> {
  return db.transaction(async (tx) => {
    const { row } = await loadItemTarget(tx, { actor: who.actor, assessmentId: id, code });
    const ctx = await objectionContextOf(tx, row, now);
    const state = await loadReviewState(tx, id, code);
    const decided = state.review?.finalAt != null;
    const refusal = itemObjectionRefusal(who.actor, ctx, {
      decided,
      shownToUnit: decided && unitSeesFinal(row, state.review!),
      openObjection: await hasOpenObjection(tx, id, code),
    });
    if (refusal) throw objectionRefused(refusal, windowOf(ctx));
    const evidenceIds = [...new Set(input.evidenceIds)].sort();
    await checkLibrary(tx, row.unit.id, evidenceIds);
    const text = input.text.normalize('NFC').trim();
    const scoreBefore = state.review!.notApplicable ? null : state.review!.finalScore;
    const objectionId = await insertObjection(tx, {
      assessmentId: id,
      code,
      text,
      evidenceIds,
      scoreBefore,
      filedBy: who.userId,
      filedAt: now,
    });
    // Two people of the unit filing at once: the partial unique index lets one through.
    if (!objectionId) throw objectionRefused('objection_open', null);
    await writeAudit(tx, who.audit, {
      action: 'appraisal.objection.file',
      objectType: 'assessment_item',
      objectId: `${id}:${code}`,
      unitId: row.unit.id,
      after: { objectionId, text, evidenceIds, scoreBefore, filedAt: now.toISOString() },
    });
    return objectionId;
  });
}
