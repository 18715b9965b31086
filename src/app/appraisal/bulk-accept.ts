// POST /appraisal/bulk-accept — the council accepts many items at once: final = self score (or the
// support team's proposal with ?use=proposed, its reason and comment carried over) for every listed item
// the caller may appraise. All or nothing: one unreachable item → 404, one not the caller's → 403, one
// stale version → 409 with the current values, one without a score to accept → 400; otherwise ONE
// statement reads every item and writes every final score, and ONE batched audit append records, in one
// entry per assessment, each item's before → after.
import { type AuditEntryInput, writeAuditBatch } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { acceptFinalScores, loadBulkStates } from '../../db/queries/appraisal-bulk.ts';
import { type AppraisalRow, findAppraisalRows } from '../../db/queries/appraisal-context.ts';
import { type IndexedDefinition, loadDefinition } from '../../db/queries/framework-definitions.ts';
import { OperationError, notFound } from '../errors.ts';
import { presentReview } from '../presenters/item-review.ts';
import { BULK_ACCEPT_ACTION, acceptedChange } from '../../core/appraisal/index.ts';
import type { AppraisalContext } from '../../core/policy/index.ts';
import {
  type AppraisalWho,
  appraisalContextOf,
  assertPhase,
  ensureBodyRow,
  itemAbilitiesOf,
} from './appraisal-access.ts';

export interface BulkItem {
  assessmentId: string;
  code: string;
  version: number;
}

export interface BulkAcceptOptions {
  who: AppraisalWho;
  items: readonly BulkItem[];
  use: 'self' | 'proposed';
  now: Date;
}

export async function bulkAccept(db: Db, { who, items, use, now }: BulkAcceptOptions): Promise<{ accepted: number }> {
  return db.transaction(async (tx) => {
    const rows = await findAppraisalRows(
      tx,
      who.actor,
      items.map((i) => i.assessmentId),
      true,
    );
    const missing = items.filter((i) => !rows.has(i.assessmentId));
    if (missing.length > 0)
      throw new OperationError('NOT_FOUND', 'Không tìm thấy bản tự đánh giá.', {
        missing: [...new Set(missing.map((i) => i.assessmentId))],
      });
    const keys = new Set(items.map((i) => `${i.assessmentId}:${i.code}`));
    if (keys.size !== items.length)
      throw new OperationError('VALIDATION_FAILED', 'Danh sách có chỉ số bị lặp lại.', {
        issues: [{ path: '/items', message: 'Mỗi chỉ số của một đơn vị chỉ được nêu một lần' }],
      });
    const refused: BulkItem[] = [];
    const bodies = new Map<string, AppraisalRow>();
    // Each index set read once for the whole list (a few sets for 10,000 items), not awaited per item; each
    // assessment's phase checked and its appraisal context (the unit's ancestry, delegations) built once for
    // its items, not once per item.
    const definitions = new Map<string, IndexedDefinition | null>();
    const contexts = new Map<AppraisalRow, AppraisalContext>();
    for (const i of items) {
      const row = rows.get(i.assessmentId)!;
      let context = contexts.get(row);
      if (context === undefined) {
        assertPhase(row, ['under_appraisal'], 'chấm điểm thẩm định');
        context = appraisalContextOf(row);
        contexts.set(row, context);
        bodies.set(row.group.id, row);
      }
      let definition = definitions.get(row.group.frameworkId);
      if (definition === undefined) {
        definition = await loadDefinition(tx, row.group.frameworkId);
        definitions.set(row.group.frameworkId, definition);
      }
      const node = definition?.leaves.get(i.code);
      if (!node) throw notFound(`Bộ chỉ số không có chỉ số thành phần "${i.code}".`);
      if (!itemAbilitiesOf(who.actor, row, node, context).appraise) refused.push(i);
    }
    if (refused.length > 0)
      throw new OperationError('FORBIDDEN', 'Có chỉ số bạn không được phân công thẩm định.', { items: refused });
    for (const row of bodies.values()) await ensureBodyRow(tx, who.audit, row);

    // One statement reads every item and writes every final score; a refusal found in what it read
    // (stale version, no score to accept) is answered below and rolls the write back with the transaction.
    const { states, written } = await acceptFinalScores(tx, {
      finalBy: who.userId,
      at: now,
      useProposed: use === 'proposed',
      items,
    });
    const stale = items.filter((i, k) => i.version !== (states[k]!.review?.version ?? 0));
    if (stale.length > 0) {
      const current = (await loadBulkStates(tx, stale)).map((s, k) =>
        presentReview({
          assessmentId: stale[k]!.assessmentId,
          code: stale[k]!.code,
          selfScore: s.selfScore,
          review: s.review,
        }),
      );
      throw new OperationError(
        'VERSION_CONFLICT',
        'Dữ liệu đã được người khác thay đổi. Hãy xem giá trị hiện tại rồi lưu lại.',
        { current },
      );
    }
    const empty = items.filter((_, k) => states[k]!.score === null);
    if (empty.length > 0)
      throw new OperationError(
        'SCORE_INVALID',
        'Có chỉ số đơn vị chưa tự chấm điểm: cần chấm điểm thẩm định từng chỉ số.',
        { items: empty },
      );
    if (written !== items.length)
      throw new OperationError(
        'VERSION_CONFLICT',
        'Dữ liệu đã được người khác thay đổi trong lúc lưu. Hãy tải lại rồi thử lại.',
      );

    // One audit entry per assessment (decision 0028): under each listed item's code, what the accept changed
    // in its review, before → after (acceptedChange); the unit's item history reads its item out of it.
    const perAssessment = new Map<string, { before: Record<string, unknown>; after: Record<string, unknown> }>();
    items.forEach((i, k) => {
      const change = acceptedChange(states[k]!);
      let entry = perAssessment.get(i.assessmentId);
      if (!entry) {
        // Without a prototype: an item code is a key, whatever the index set calls it.
        entry = {
          before: Object.create(null) as Record<string, unknown>,
          after: Object.create(null) as Record<string, unknown>,
        };
        perAssessment.set(i.assessmentId, entry);
      }
      entry.before[i.code] = change.before;
      entry.after[i.code] = change.after;
    });
    const audits: AuditEntryInput[] = [...perAssessment].map(([assessmentId, e]) => ({
      action: BULK_ACCEPT_ACTION,
      objectType: 'assessment',
      objectId: assessmentId,
      unitId: rows.get(assessmentId)!.unit.id,
      before: e.before,
      after: e.after,
    }));
    await writeAuditBatch(tx, who.audit, audits, now);
    return { accepted: written };
  });
}
