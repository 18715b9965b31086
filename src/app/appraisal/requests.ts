// The unit's right of reply (001 II.3.b): an appraiser asks for more evidence or an explanation on one
// item with a reply deadline (a Vietnamese calendar date, meaning the end of that day); the unit's staff
// are notified; they reply with text and documents of their own library until the deadline (then 409
// REPLY_DEADLINE_PASSED) — the documents are also linked to the item, so they count as its evidence and
// can no longer be deleted from the library; the appraiser closes the request. All audited on the item.
import { endOfVietnamDay, vietnamDateOf } from '../../core/campaign/index.ts';
import { canReplyToRequest } from '../../core/policy/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { findAppraisalRow } from '../../db/queries/appraisal-context.ts';
import { libraryDocumentIds, linkItemEvidence } from '../../db/queries/appraisal-evidence.ts';
import {
  type RequestRow,
  closeRequestRow,
  findRequest,
  insertReply,
  insertRequest,
  markRequestAnswered,
} from '../../db/queries/item-requests.ts';
import { notifyUsers, unitStaffIds } from '../../db/queries/notify-unit-staff.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { OperationError, notFound } from '../errors.ts';
import { REQUEST_KIND_LABELS } from '../presenters/item-request.ts';
import {
  type AppraisalWho,
  assertPhase,
  ensureBodyRow,
  forbidden,
  itemAbilitiesOf,
  loadItemTarget,
} from './appraisal-access.ts';

const REVIEWING = ['self_assessment_closed', 'under_appraisal'] as const;
const requestNotFound = () => notFound('Không tìm thấy yêu cầu.');

export interface RequestInput {
  kind: 'more_evidence' | 'explanation';
  message: string;
  deadline: string;
}

export interface CreateRequestOptions {
  who: AppraisalWho;
  assessmentId: string;
  code: string;
  input: RequestInput;
  now: Date;
}

export async function createRequest(
  db: Db,
  { who, assessmentId: id, code, input, now }: CreateRequestOptions,
): Promise<string> {
  return db.transaction(async (tx) => {
    const { row, node } = await loadItemTarget(tx, { actor: who.actor, assessmentId: id, code });
    assertPhase(row, REVIEWING, 'gửi yêu cầu bổ sung');
    if (!itemAbilitiesOf(who.actor, row, node).request)
      throw forbidden('Bạn không được phân công thẩm định chỉ số này của đơn vị.');
    if (input.deadline < vietnamDateOf(now)) {
      throw new OperationError('VALIDATION_FAILED', 'Hạn trả lời không được trước hôm nay.', {
        issues: [{ path: '/deadline', message: 'Hạn trả lời đã qua' }],
      });
    }
    await ensureBodyRow(tx, who.audit, row);
    const message = input.message.normalize('NFC').trim();
    const created = await insertRequest(tx, {
      assessmentId: id,
      code,
      kind: input.kind,
      message,
      deadline: input.deadline,
      requestedBy: who.userId,
      requestedAt: now,
    });
    await notifyUsers(
      tx,
      await unitStaffIds(tx, row.unit.id),
      {
        kind: 'appraisal_request',
        params: { requestKind: input.kind, code, deadline: input.deadline },
        title: `Hội đồng thẩm định đề nghị ${REQUEST_KIND_LABELS[input.kind]!.toLowerCase()} chỉ số ${code}`,
        body: message, // the deadline travels in params: the staff app words it in the reader's language
        link: `/assessments/${id}`,
      },
      now,
    );
    await writeAudit(tx, who.audit, {
      action: 'appraisal.request.create',
      objectType: 'assessment_item',
      objectId: `${id}:${code}`,
      unitId: row.unit.id,
      after: { requestId: created.id, kind: input.kind, message, deadline: input.deadline },
    });
    return created.id;
  });
}

/** The request and its assessment as the caller reaches it (404 otherwise: another unit's request). */
async function loadRequestTarget(tx: Db, who: AppraisalWho, requestId: string) {
  const request = await findRequest(tx, requestId);
  if (!request) throw requestNotFound();
  const row = await findAppraisalRow(tx, who.actor, request.assessmentId, true);
  if (!row) throw requestNotFound();
  return { request, row };
}

export async function checkLibrary(tx: Db, unitId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await libraryDocumentIds(tx, unitId, ids);
  if (found.length !== ids.length) {
    throw new OperationError('VALIDATION_FAILED', 'Tài liệu kiểm chứng phải thuộc thư viện tài liệu của đơn vị.', {
      issues: [{ path: '/evidenceIds', message: 'Có tài liệu không thuộc thư viện của đơn vị' }],
    });
  }
}

export interface ReplyToRequestOptions {
  who: AppraisalWho;
  requestId: string;
  input: { text: string; evidenceIds: string[] };
  now: Date;
}

export async function replyToRequest(
  db: Db,
  { who, requestId, input, now }: ReplyToRequestOptions,
): Promise<RequestRow> {
  return db.transaction(async (tx) => {
    const { request, row } = await loadRequestTarget(tx, who, requestId);
    const unit = { id: row.unit.id, ancestry: ancestryOf(row.unit.path) };
    if (!canReplyToRequest(who.actor, unit, { open: true, deadlinePassed: false }))
      throw forbidden('Chỉ cán bộ của đơn vị được trả lời yêu cầu.');
    assertPhase(row, REVIEWING, 'trả lời yêu cầu');
    if (request.status === 'closed')
      throw new OperationError('INVALID_STATE', 'Yêu cầu đã đóng.', { closedAt: request.closedAt });
    if (request.deadline && now.getTime() > endOfVietnamDay(request.deadline).getTime()) {
      throw new OperationError(
        'REPLY_DEADLINE_PASSED',
        `Đã quá hạn trả lời (hết ngày ${request.deadline.split('-').reverse().join('/')}).`,
        { deadline: request.deadline },
      );
    }
    const evidenceIds = [...new Set(input.evidenceIds)].sort();
    await checkLibrary(tx, row.unit.id, evidenceIds);
    const text = input.text.normalize('NFC').trim();
    const reply = await insertReply(tx, { requestId, text, evidenceIds, repliedBy: who.userId, repliedAt: now });
    if (evidenceIds.length > 0) await linkItemEvidence(tx, request.assessmentId, request.code, evidenceIds);
    const updated = await markRequestAnswered(tx, requestId);
    await notifyUsers(
      tx,
      [request.requestedBy],
      {
        kind: 'appraisal_reply',
        params: { unitName: row.unit.name, code: request.code },
        title: `${row.unit.name} đã trả lời yêu cầu về chỉ số ${request.code}`,
        body: text,
        link: `/assessments/${request.assessmentId}/review`,
      },
      now,
    );
    await writeAudit(tx, who.audit, {
      action: 'appraisal.request.reply',
      objectType: 'assessment_item',
      objectId: `${request.assessmentId}:${request.code}`,
      unitId: row.unit.id,
      before: { requestId, status: request.status },
      after: { requestId, status: 'answered', replyId: reply.id, text, evidenceIds },
    });
    return updated;
  });
}

export interface CloseRequestOptions {
  who: AppraisalWho;
  requestId: string;
  now: Date;
}

export async function closeRequest(db: Db, { who, requestId, now }: CloseRequestOptions): Promise<RequestRow> {
  return db.transaction(async (tx) => {
    const { request } = await loadRequestTarget(tx, who, requestId);
    const { row, node } = await loadItemTarget(tx, {
      actor: who.actor,
      assessmentId: request.assessmentId,
      code: request.code,
    });
    assertPhase(row, REVIEWING, 'đóng yêu cầu');
    if (!itemAbilitiesOf(who.actor, row, node).request)
      throw forbidden('Bạn không được phân công thẩm định chỉ số này của đơn vị.');
    if (request.status === 'closed') return request;
    const updated = await closeRequestRow(tx, requestId, now);
    await writeAudit(tx, who.audit, {
      action: 'appraisal.request.close',
      objectType: 'assessment_item',
      objectId: `${request.assessmentId}:${request.code}`,
      unitId: row.unit.id,
      before: { requestId, status: request.status },
      after: { requestId, status: 'closed' },
    });
    return updated;
  });
}
