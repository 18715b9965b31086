// /notifications (the caller's own: list, read, read all) and POST /campaigns/{id}/reminders ("Gửi nhắc
// nhở ngay"). Reading a notification is the person's own bookkeeping, not a change of record: not audited.
import { z } from 'zod';
import { type NotificationRow, listNotifications, markAllRead, markRead } from '../../../db/queries/notifications.ts';
import { notFound } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams, paginationQuery } from '../../../contract/common.ts';
import { requestReminders } from '../../../app/reminders/request-reminders.ts';
import { serverNow } from '../server-now.ts';
import { DX_OFFICE } from '../../http/route-access.ts';
import { type Notification, notificationPageSchema, notificationSchema } from '../../../contract/notifications.ts';

function present(n: NotificationRow): Notification {
  return {
    id: n.id,
    kind: n.kind,
    params: n.params ?? null,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}

export function registerNotificationRoutes(app: App, deps: ServerDeps) {
  app.get(
    '/notifications',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['notifications'],
        summary: 'Thông báo của người dùng (mới nhất trước)',
        querystring: paginationQuery.extend({ unread: z.enum(['true', 'false']).optional() }),
        response: { 200: notificationPageSchema },
      },
    },
    async (request) => {
      const { page, pageSize, unread } = request.query;
      const {
        rows,
        total,
        unread: unreadCount,
      } = await listNotifications(deps.db, whoIs(request).userId, { unread: unread === 'true', page, pageSize });
      return { items: rows.map(present), total, page, pageSize, unread: unreadCount };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['notifications'],
        summary: 'Đánh dấu đã đọc',
        params: idParams,
        response: { 200: notificationSchema },
      },
    },
    async (request) => {
      const row = await markRead(deps.db, whoIs(request).userId, request.params.id, serverNow(deps));
      if (!row) throw notFound('Không tìm thấy thông báo.');
      return present(row);
    },
  );

  app.post(
    '/notifications/read-all',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['notifications'],
        summary: 'Đánh dấu tất cả đã đọc',
        response: { 200: z.object({ updated: z.number() }) },
      },
    },
    async (request) => ({ updated: await markAllRead(deps.db, whoIs(request).userId, serverNow(deps)) }),
  );

  app.post(
    '/campaigns/:id/reminders',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['campaigns'],
        summary: 'Gửi nhắc nhở ngay tới các đơn vị chưa gửi bản tự đánh giá',
        params: idParams,
        response: { 202: z.object({ queued: z.number(), jobId: z.string() }) },
      },
    },
    async (request, reply) => {
      const queued = await requestReminders(deps.db, {
        who: whoIs(request),
        campaignId: request.params.id,
        now: serverNow(deps),
      });
      deps.jobBell?.ring(); // "gửi ngay" means now, not at the worker's next poll
      return reply.status(202).send(queued);
    },
  );
}
