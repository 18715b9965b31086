// PUT /assessments/{id}/items/{code} — the hot path (64 people saving at once must stay under 20 ms at
// p95), so it is a handful of statements: one static, named-prepared read of the assessment with its
// context, item, evidence and supplied figures (key-share locked against a concurrent submit; scope
// checked with the policy, 404 when unreadable); the definition from the per-
// process cache; one guarded write (insert-if-absent or update-if-version-matches, so two people saving
// the same version cannot both win); evidence links only when sent; the audit entry last, because it
// serialises on the audit chain lock until commit.
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { InputValues } from '../../../core/framework/index.ts';
import { acceptsSelfAssessment } from '../../../core/campaign/index.ts';
import { holdsRoleOver } from '../../../core/policy/index.ts';
import { writeAudit } from '../../../db/audit/write-audit.ts';
import type { Db } from '../../../db/client.ts';
import { loadItem, loadItemContext } from '../../../db/queries/assessments.ts';
import { loadDefinition } from '../../../db/queries/framework-definitions.ts';
import { assessmentItems } from '../../../db/schema/campaigns.ts';
import { evidenceDocuments, itemEvidence } from '../../../db/schema/evidence.ts';
import { OperationError, notFound, versionConflict } from '../../http/errors.ts';
import { type ItemView, presentItem, presentScore } from '../../presenters/assessment-item.ts';
import { type AssessmentWho, abilitiesOf, assessmentNotFound, assessmentRefOf, campaignNotOpen, forbidden } from './assessment-access.ts';
import { evaluateItem } from './item-input.ts';

export interface SaveItemInput {
  inputs: InputValues;
  selfScore?: number | null;
  explanation?: string;
  evidenceIds?: string[];
  version: number;
}

export async function saveItem(db: Db, who: AssessmentWho & { fullName: string }, id: string, code: string, input: SaveItemInput, now: Date): Promise<ItemView> {
  return db.transaction(async (tx) => {
    const ctx = await loadItemContext(tx, id, code);
    if (!ctx || !abilitiesOf(who.actor, ctx).read) throw assessmentNotFound();
    const ref = assessmentRefOf(ctx);
    if (!holdsRoleOver(who.actor, ['unit_reporter', 'unit_leader'], ref.unit)) {
      throw forbidden('Chỉ cán bộ nhập liệu và lãnh đạo của đơn vị được nhập bản tự đánh giá.');
    }
    const def = await loadDefinition(tx, ctx.group.frameworkId);
    const node = def?.leaves.get(code);
    if (!node) throw notFound(`Bộ chỉ số không có chỉ số thành phần "${code}".`);
    if (!acceptsSelfAssessment(ref.campaignStatus)) throw campaignNotOpen(ref.campaignStatus);
    const current = ctx.item;
    if (ctx.assessment.status === 'submitted' && !current?.reopened) {
      throw new OperationError('ASSESSMENT_LOCKED', 'Bản tự đánh giá đã gửi; chỉ sửa được khi cơ quan chuyên trách mở lại.', { submittedAt: ctx.assessment.submittedAt });
    }
    if (input.version !== (current?.version ?? 0)) throw await conflict(tx, ctx.assessment.id, code);

    const evaluated = evaluateItem(node, input, ctx.assessment.info ?? {});
    const explanation = input.explanation !== undefined ? input.explanation.normalize('NFC').trim() : (current?.explanation ?? '');
    if (input.evidenceIds !== undefined) await checkEvidence(tx, ctx.unit.id, input.evidenceIds);

    const values = { inputs: evaluated.inputs, selfScore: evaluated.selfScore, explanation, updatedBy: who.userId, updatedAt: now };
    const [saved] = current
      ? await tx
          .update(assessmentItems)
          .set({ ...values, version: sql`${assessmentItems.version} + 1` })
          .where(and(eq(assessmentItems.assessmentId, ctx.assessment.id), eq(assessmentItems.code, code), eq(assessmentItems.version, current.version)))
          .returning()
      : await tx
          .insert(assessmentItems)
          .values({ assessmentId: ctx.assessment.id, code, ...values, version: 1 })
          .onConflictDoNothing()
          .returning();
    if (!saved) throw await conflict(tx, ctx.assessment.id, code);

    let evidenceIds = ctx.evidenceIds;
    if (input.evidenceIds !== undefined) {
      evidenceIds = [...new Set(input.evidenceIds)].sort();
      await replaceEvidence(tx, ctx.assessment.id, code, evidenceIds);
    }
    await writeAudit(tx, who.audit, {
      action: 'assessment.item.save',
      // One object per item: the review view reads an item's whole history with one indexed query.
      objectType: 'assessment_item',
      objectId: `${ctx.assessment.id}:${code}`,
      unitId: ctx.unit.id,
      before: current ? { code, inputs: current.inputs, selfScore: current.selfScore, explanation: current.explanation, evidenceIds: ctx.evidenceIds, version: current.version } : { code, version: 0 },
      after: { code, inputs: saved.inputs, selfScore: saved.selfScore, explanation: saved.explanation, evidenceIds, version: saved.version },
    });
    const view = presentItem({
      code,
      row: { ...saved, updatedByName: who.fullName },
      evidenceIds,
      supplied: ctx.supplied,
      assessmentLocked: ctx.assessment.status === 'submitted',
      campaignOpen: true,
    });
    return { ...view, score: presentScore(evaluated.score) };
  });
}

/** 409 with the item as it now stands, including who saved it, so nothing typed is lost on either side. */
async function conflict(tx: Db, assessmentId: string, code: string): Promise<OperationError> {
  const row = await loadItem(tx, assessmentId, code);
  return versionConflict(
    presentItem({ code, row, evidenceIds: row?.evidenceIds ?? [], supplied: null, assessmentLocked: false, campaignOpen: true }),
  );
}

async function checkEvidence(tx: Db, unitId: string, ids: readonly string[]): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = await tx
    .select({ id: evidenceDocuments.id })
    .from(evidenceDocuments)
    .where(and(inArray(evidenceDocuments.id, wanted), eq(evidenceDocuments.unitId, unitId)));
  const ok = new Set(found.map((r) => r.id));
  const missing = wanted.filter((x) => !ok.has(x));
  if (missing.length > 0) {
    throw new OperationError('VALIDATION_FAILED', 'Tài liệu kiểm chứng phải thuộc thư viện tài liệu của đơn vị.', {
      issues: missing.map((x) => ({ path: '/evidenceIds', message: `Không có tài liệu ${x} trong thư viện của đơn vị` })),
    });
  }
}

async function replaceEvidence(tx: Db, assessmentId: string, code: string, ids: string[]): Promise<void> {
  const mine = and(eq(itemEvidence.assessmentId, assessmentId), eq(itemEvidence.code, code));
  await tx.delete(itemEvidence).where(ids.length > 0 ? and(mine, notInArray(itemEvidence.evidenceId, ids)) : mine);
  if (ids.length > 0) {
    await tx.insert(itemEvidence).values(ids.map((evidenceId) => ({ assessmentId, code, evidenceId }))).onConflictDoNothing();
  }
}
