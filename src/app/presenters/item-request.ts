// What the API shows of a request to a unit and its thread of replies, with the caller's abilities.
import { endOfVietnamDay } from '../../core/campaign/index.ts';
import type { RequestWithThread } from '../../db/queries/item-requests.ts';

export const REQUEST_KIND_LABELS: Record<string, string> = {
  more_evidence: 'Bổ sung tài liệu kiểm chứng',
  explanation: 'Giải trình thêm',
};
export const REQUEST_STATUS_LABELS: Record<string, string> = {
  open: 'Chờ đơn vị trả lời',
  answered: 'Đơn vị đã trả lời',
  closed: 'Đã đóng',
};

export function deadlinePassed(deadline: string | null, now: Date): boolean {
  return deadline !== null && now.getTime() > endOfVietnamDay(deadline).getTime();
}

export interface PresentRequestOptions {
  request: RequestWithThread;
  itemTitle: string | null;
  now: Date;
  abilities: { reply: boolean; close: boolean };
}

export function presentRequest({ request: r, itemTitle, now, abilities }: PresentRequestOptions) {
  return {
    id: r.id,
    assessmentId: r.assessmentId,
    code: r.code,
    itemTitle,
    kind: r.kind,
    kindLabel: REQUEST_KIND_LABELS[r.kind] ?? r.kind,
    message: r.message,
    deadline: r.deadline,
    deadlinePassed: deadlinePassed(r.deadline, now),
    status: r.status,
    statusLabel: REQUEST_STATUS_LABELS[r.status] ?? r.status,
    requestedBy: { id: r.requestedBy, fullName: r.requestedByName },
    requestedAt: new Date(r.requestedAt).toISOString(),
    closedAt: r.closedAt ? new Date(r.closedAt).toISOString() : null,
    replies: r.replies,
    abilities,
  };
}

export type RequestView = ReturnType<typeof presentRequest>;
