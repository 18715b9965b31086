// GET /me/inbox — the caller's task inbox (issue 14 §1): codes and parameters, words are the client's.
import { inboxSchema } from '../../../contract/inbox.ts';
import { loadInbox } from '../../../app/inbox/load-inbox.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { serverNow } from '../server-now.ts';

export function registerInboxRoutes(app: App, deps: ServerDeps) {
  app.get(
    '/me/inbox',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'Việc cần làm của người dùng: theo vai trò, kèm hạn, sắp theo hạn',
        response: { 200: inboxSchema },
      },
    },
    async (request) => loadInbox(deps.db, whoIs(request), serverNow(deps)),
  );
}
