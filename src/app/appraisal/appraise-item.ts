// PUT /assessments/{id}/items/{code}/appraisal — the council's final score (điểm thẩm định, 001 II.3.b:
// "công nhận hoặc điều chỉnh điểm tự chấm"): within the item's max, a listed reason and a comment whenever
// it departs from the self score; or the item declared not applicable with a reason (000 Điều 8.4.b),
// optionally scored by a council-added replacement indicator under the campaign's 'replacement' rule —
// the replacement's score fills the N/A item's slot, so it is bounded by that slot's max
// (docs/results-rules.md §3).
import { type ReviewReason, checkDecision } from '../../core/appraisal/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import { markLooked } from '../../db/queries/item-supplements.ts';
import type { Db } from '../../db/client.ts';
import { loadReviewState, writeReview } from '../../db/queries/item-reviews.ts';
import { OperationError } from '../errors.ts';
import { type ReviewView, auditedReview, presentReview } from '../presenters/item-review.ts';
import {
  type AppraisalWho,
  type ItemTarget,
  assertPhase,
  ensureBodyRow,
  forbidden,
  itemAbilitiesOf,
  loadItemTarget,
} from './appraisal-access.ts';
import { decisionError, reviewConflict } from './decision-errors.ts';

export interface AppraiseInput {
  finalScore: number | null;
  reason?: ReviewReason | null | undefined;
  comment?: string | null | undefined;
  notApplicable?: boolean | undefined;
  replacementCode?: string | null | undefined;
  version: number;
}

const invalid = (path: string, message: string) =>
  new OperationError('VALIDATION_FAILED', message, { issues: [{ path, message }] });

function checkReplacement(t: ItemTarget, input: AppraiseInput): string | null {
  const code = input.replacementCode?.trim() || null;
  if (!code) return null;
  if (!input.notApplicable)
    throw invalid('/replacementCode', 'Chỉ số thay thế chỉ dùng khi chỉ số được xác định không áp dụng.');
  if (t.row.campaign.rules.notApplicable !== 'replacement')
    throw invalid('/replacementCode', 'Quy tắc của kỳ đánh giá là giảm trừ điểm tối đa, không dùng chỉ số thay thế.');
  if (t.def.leaves.has(code) || t.def.definition.nodes.some((n) => n.code === code))
    throw invalid(
      '/replacementCode',
      `"${code}" là chỉ số của bộ chỉ số: chỉ số thay thế phải là chỉ số do Hội đồng bổ sung.`,
    );
  return code;
}

export interface AppraiseItemOptions {
  who: AppraisalWho;
  assessmentId: string;
  code: string;
  input: AppraiseInput;
  now: Date;
}

export async function appraiseItem(
  db: Db,
  { who, assessmentId: id, code, input, now }: AppraiseItemOptions,
): Promise<ReviewView> {
  return db.transaction(async (tx) => {
    const target = await loadItemTarget(tx, { actor: who.actor, assessmentId: id, code });
    const { row, node } = target;
    assertPhase(row, ['under_appraisal'], 'chấm điểm thẩm định');
    if (!itemAbilitiesOf(who.actor, row, node).appraise)
      throw forbidden('Bạn không được phân công thẩm định chỉ số này của đơn vị.');
    const state = await loadReviewState(tx, id, code);
    if (input.version !== (state.review?.version ?? 0)) throw await reviewConflict(tx, id, code);
    const replacementCode = checkReplacement(target, input);
    const comment = input.comment?.normalize('NFC').trim() || null;
    const notApplicable = input.notApplicable === true;
    // Not applicable: a comment is the reason. With a replacement the score is another indicator's, so it
    // is checked against the slot's max and always explained.
    const problems = !notApplicable
      ? checkDecision(
          { score: input.finalScore, reason: input.reason ?? null, comment },
          node.maxPoints,
          state.selfScore,
        )
      : replacementCode
        ? checkDecision({ score: input.finalScore, reason: 'not_applicable', comment }, node.maxPoints, null)
        : checkDecision(
            { score: null, reason: 'not_applicable', comment, notApplicable: true },
            node.maxPoints,
            state.selfScore,
          );
    const problem = decisionError(problems, {
      node,
      field: 'finalScore',
      score: notApplicable && !replacementCode ? null : input.finalScore,
    });
    if (problem) throw problem;
    await ensureBodyRow(tx, who.audit, row);
    const saved = await writeReview(tx, id, code, input.version, {
      finalScore: notApplicable && !replacementCode ? null : input.finalScore,
      finalReason: notApplicable ? 'not_applicable' : (input.reason ?? null),
      finalComment: comment,
      finalBy: who.userId,
      finalAt: now,
      notApplicable,
      notApplicableReason: notApplicable ? comment : null,
      replacementCode,
    });
    if (!saved) throw await reviewConflict(tx, id, code);
    await writeAudit(tx, who.audit, {
      action: 'appraisal.item.appraise',
      objectType: 'assessment_item',
      objectId: `${id}:${code}`,
      unitId: row.unit.id,
      before: auditedReview(state.selfScore, state.review),
      after: auditedReview(state.selfScore, saved),
      reason: comment,
    });
    // Deciding is looking: the unit's supplements so far no longer flag the item for this reviewer.
    await markLooked(tx, who.userId, [{ assessmentId: id, code }], now);
    return presentReview({ assessmentId: id, code, selfScore: state.selfScore, review: saved });
  });
}
