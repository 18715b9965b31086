// PUT /assessments/{id}/items/{code} — the hot path (64 people saving at once must stay under 20 ms at
// p95), so it is two static named-prepared statements (db/queries/item-save.ts): one read of the assessment
// with its context, item, evidence and supplied figures (scope checked with the policy, 404 when unreadable);
// the definition from the per-process cache; the rules checked here; then one guarded write
// (insert-if-absent or update-if-version-matches, so two people saving the same version cannot both win)
// that also replaces the evidence links when sent and appends the audit entry.
// The first attempt runs WITHOUT a transaction (decision 0023): the read sees the committed state, and the
// write — one statement, so atomic — takes the assessment row's key-share lock and the unit's chain lock
// itself and writes only if the assessment's status and the item's version are still those the save was
// decided on. The context read rides with the session's (decision 0026): two round trips in all, not five
// (BEGIN and COMMIT were two of the five, the session's own read a third: each a system call and a wake-up
// of the other side on a deadline day's two busy cores). When that
// guard does not hold (someone saved the item, or the form was submitted or reopened, in between), the save
// is decided again inside the locked transaction of before, which answers with the conflict or the refusal
// as it stands then — or saves, when what changed does not stand in the way.
import type { FrameworkDefinition, InputValues } from '../../core/framework/index.ts';
import { MAX_EVIDENCE_PER_ITEM } from '../../contract/assessments.ts';
import type { AssessmentStatus, CampaignStatus } from '../../core/campaign/index.ts';
import { type AssessmentRef, assessmentAbilities, itemEditRefusal } from '../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import { loadItem } from '../../db/queries/assessments.ts';
import { loadDefinition } from '../../db/queries/framework-definitions.ts';
import {
  type ItemSaveContext,
  type ItemSaveContextRead,
  itemSaveContextMade,
  itemSaveContextWithSession,
  loadItemSaveContext,
  writeItemWithAudit,
} from '../../db/queries/item-save.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { OperationError, notFound, versionConflict } from '../errors.ts';
import { type ItemView, presentItem, presentScore } from '../presenters/assessment-item.ts';
import { type FormItemsCache, formItemsKey } from '../presenters/form-items-cache.ts';
import { type SavedItemPatch, patchedFormItems } from '../presenters/form-items-patch.ts';
import { type AssessmentWho, assessmentNotFound, campaignNotOpen, forbidden } from './assessment-access.ts';
import { evaluateItem } from './item-input.ts';

export interface SaveItemInput {
  inputs: InputValues;
  selfScore?: number | null;
  explanation?: string;
  evidenceIds?: string[];
  version: number;
}

interface SaveItemArgs {
  who: AssessmentWho & { fullName: string };
  assessmentId: string;
  code: string;
  input: SaveItemInput;
  now: Date;
  /** The unlocked context, when the route read it with the session (decision 0026): the first attempt's. */
  readWithSession?: ItemSaveContextRead;
  /** This process's forms' presented items: carried over the save, or dropped (decision 0029). */
  formItems?: FormItemsCache;
}

/**
 * The route's read to make with the session (decision 0026), from the path and body as they came — not for
 * more evidence ids than a save may send: validation refuses those before the database sees any of them.
 * With the form's revision only for a save that could carry this process's items of the form over: one that
 * sends no links, of a form the process holds or has seen loaded (FormItemsCache.wants).
 */
export function saveItemReadWithSession(
  formItems: FormItemsCache | undefined,
  params: { id: string; code: unknown },
  body: unknown,
) {
  const evidenceIds = (body as { evidenceIds?: unknown } | null)?.evidenceIds;
  if (Array.isArray(evidenceIds) && evidenceIds.length > MAX_EVIDENCE_PER_ITEM) return undefined;
  const revision = evidenceIds === undefined && formItems !== undefined && formItems.wants(params.id);
  return itemSaveContextWithSession(params.id, params.code, evidenceIds, revision);
}
/** That read, when the request made it. */
export const saveItemReadMade = itemSaveContextMade;

export async function saveItem(db: Db, args: SaveItemArgs): Promise<ItemView> {
  const first = await decideAndSave(db, args, false);
  if (first) {
    carryFormItems(args, first.carry);
    return first.view;
  }
  // Locked, an attempt answers or throws (a guard that does not hold is a conflict): never null.
  const { view } = (await db.transaction(async (tx) => await decideAndSave(tx, args, true)))!;
  args.formItems?.forget(args.assessmentId);
  return view;
}

/**
 * What this process holds of the form's presented items after a save (form-items-patch.ts, decision 0029):
 * carried over to the revision the save committed, when the save knows it exactly; otherwise dropped.
 */
function carryFormItems({ formItems, assessmentId }: SaveItemArgs, carry: FormCarry | null): void {
  if (!formItems) return;
  if (!carry) {
    formItems.forget(assessmentId);
    return;
  }
  formItems.carryOver(assessmentId, carry, (kept) => patchedFormItems(kept, carry.definition, carry.patch));
}

interface FormCarry {
  fromKey: string | null;
  toKey: string | null;
  definition: FrameworkDefinition;
  patch: SavedItemPatch;
}

/**
 * One attempt: read, decide, write. `locked` (inside the transaction): the read takes the locks, so a guard
 * that does not hold is a version conflict (409). Unlocked: null when the write's guard did not hold.
 */
async function decideAndSave(
  tx: Db,
  { who, assessmentId, code, input, now, readWithSession }: SaveItemArgs,
  locked: boolean,
): Promise<{ view: ItemView; carry: FormCarry | null } | null> {
  const asked = input.evidenceIds ?? [];
  // Read in the session's statement: the context and the saver's name are of one snapshot (decision 0029).
  const withSession = !locked && readWithSession !== undefined && readFits(readWithSession, assessmentId, code, asked);
  const ctx = withSession ? readWithSession!.context : await loadItemSaveContext(tx, assessmentId, code, asked, locked);
  if (!ctx) throw assessmentNotFound();
  const ref = refOf(ctx);
  if (!assessmentAbilities(who.actor, ref).read) throw assessmentNotFound();
  const refusal = itemEditRefusal(who.actor, ref, ctx.item);
  if (refusal === 'not_unit_staff')
    throw forbidden('Chỉ cán bộ nhập liệu và lãnh đạo của đơn vị được nhập bản tự đánh giá.');
  const def = await loadDefinition(tx, ctx.frameworkId);
  const node = def?.leaves.get(code);
  if (!node) throw notFound(`Bộ chỉ số không có chỉ số thành phần "${code}".`);
  if (refusal === 'campaign_closed') {
    // During appraisal the self score is locked; the unit supplements instead (001 II.3.b, issue 13 §5).
    if (
      ctx.assessment.status === 'submitted' &&
      (ref.campaignStatus === 'self_assessment_closed' || ref.campaignStatus === 'under_appraisal')
    )
      throw new OperationError(
        'SELF_SCORE_LOCKED',
        'Đang thẩm định: điểm tự chấm và số liệu đã khoá. Đơn vị dùng "Bổ sung" để thêm tài liệu kiểm chứng hoặc giải trình.',
        { campaignStatus: ref.campaignStatus },
      );
    throw campaignNotOpen(ref.campaignStatus);
  }
  const current = ctx.item;
  if (refusal === 'submitted') {
    throw new OperationError(
      'ASSESSMENT_LOCKED',
      'Bản tự đánh giá đã gửi; chỉ sửa được khi cơ quan chuyên trách mở lại.',
      { submittedAt: ctx.assessment.submittedAt },
    );
  }
  if (input.version !== (current?.version ?? 0)) throw await conflict(tx, ctx.assessment.id, code);

  const evaluated = evaluateItem(node, input, ctx.assessment.info ?? {});
  const explanation =
    input.explanation !== undefined ? input.explanation.normalize('NFC').trim() : (current?.explanation ?? '');
  const sentEvidence = input.evidenceIds !== undefined ? [...new Set(input.evidenceIds)].sort() : undefined;
  if (sentEvidence) checkEvidence(ctx, sentEvidence);
  const evidenceIds = sentEvidence ?? ctx.evidenceIds;
  const version = (current?.version ?? 0) + 1;

  const saved = await writeItemWithAudit(
    tx,
    {
      assessmentId: ctx.assessment.id,
      code,
      inputs: evaluated.inputs,
      selfScore: evaluated.selfScore,
      explanation,
      updatedBy: who.userId,
      updatedAt: now,
      exists: current !== null,
      fromVersion: input.version,
      evidenceIds: sentEvidence,
      decidedOnStatus: locked ? undefined : ctx.assessment.status,
      // Only when the context has the revision to compare with: otherwise nothing can be carried.
      readRevision: withSession && ctx.formRev !== null,
    },
    who.audit,
    {
      action: 'assessment.item.save',
      // One object per item: the review view reads an item's whole history with one indexed query.
      objectType: 'assessment_item',
      objectId: `${ctx.assessment.id}:${code}`,
      unitId: ctx.unit.id,
      before: current
        ? {
            code,
            inputs: current.inputs,
            selfScore: current.selfScore,
            explanation: current.explanation,
            evidenceIds: ctx.evidenceIds,
            version: current.version,
          }
        : { code, version: 0 },
      after: { code, inputs: evaluated.inputs, selfScore: evaluated.selfScore, explanation, evidenceIds, version },
    },
  );
  if (!saved) {
    if (!locked) return null;
    throw await conflict(tx, ctx.assessment.id, code);
  }
  // The inputs as the form reads them back (jsonb of their JSON: what JSON cannot hold is not kept).
  const inputs = JSON.parse(JSON.stringify(evaluated.inputs)) as ItemView['inputs'];
  const view = presentItem({
    code,
    row: {
      inputs,
      selfScore: evaluated.selfScore,
      explanation,
      version: saved.version,
      reopened: saved.reopened,
      updatedAt: now,
      updatedBy: who.userId,
      updatedByName: who.fullName,
    },
    evidenceIds,
    supplied: ctx.supplied && { ...ctx.supplied, suppliedAt: new Date(ctx.supplied.suppliedAt).toISOString() },
    assessmentLocked: ctx.assessment.status === 'submitted',
    campaignOpen: true,
  });
  // The form stands at the revision before this save's mark + 1 once it is committed (item-save.ts): known
  // only for a first attempt without links, and carried over only when nothing the item is presented from
  // moved since the context and the saver's name were read (each such write moves the revision).
  const before = saved.formRevBefore;
  const carry: FormCarry | null =
    withSession && before !== null && ctx.formRev === before && sentEvidence === undefined
      ? {
          fromKey: formItemsKey({ formRev: before, ctx }),
          toKey: formItemsKey({ formRev: before + 1, ctx }),
          definition: def!.definition,
          patch: {
            item: view,
            entry: { code, inputs, selfScore: evaluated.selfScore, explanation, evidenceCount: evidenceIds.length },
          },
        }
      : null;
  return { view: { ...view, score: presentScore(evaluated.score) }, carry };
}

/** The read made with the session is this save's: same assessment and item, every sent document's ownership read. */
function readFits(read: ItemSaveContextRead, assessmentId: string, code: string, asked: readonly string[]): boolean {
  const readIds = new Set(read.evidenceIds);
  return read.assessmentId === assessmentId && read.code === code && asked.every((id) => readIds.has(id));
}

function refOf(ctx: ItemSaveContext): AssessmentRef {
  return {
    unit: { id: ctx.unit.id, ancestry: ancestryOf(ctx.unit.path) },
    campaignOwner: { id: ctx.campaign.ownerUnitId, ancestry: ancestryOf(ctx.ownerPath) },
    campaignStatus: ctx.campaign.status as CampaignStatus,
    status: ctx.assessment.status as AssessmentStatus,
    reportersMaySubmit: ctx.campaign.reportersMaySubmit,
  };
}

/** 409 with the item as it now stands, including who saved it, so nothing typed is lost on either side. */
async function conflict(tx: Db, assessmentId: string, code: string): Promise<OperationError> {
  const row = await loadItem(tx, assessmentId, code);
  return versionConflict(
    presentItem({
      code,
      row,
      evidenceIds: row?.evidenceIds ?? [],
      supplied: null,
      assessmentLocked: false,
      campaignOpen: true,
    }),
  );
}

/** Evidence must be documents of the unit's own library (ownership read with the context). */
function checkEvidence(ctx: ItemSaveContext, ids: readonly string[]): void {
  const missing = ids.filter((x) => !ctx.ownedEvidenceIds.has(x));
  if (missing.length > 0) {
    throw new OperationError('VALIDATION_FAILED', 'Tài liệu kiểm chứng phải thuộc thư viện tài liệu của đơn vị.', {
      issues: missing.map((x) => ({
        path: '/evidenceIds',
        message: `Không có tài liệu ${x} trong thư viện của đơn vị`,
      })),
    });
  }
}
