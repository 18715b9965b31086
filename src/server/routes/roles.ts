// GET /roles — the role catalogue with Vietnamese and English labels.
import { roleListSchema } from '../../contract/roles.ts';
import { ROLE_CATALOGUE } from '../../core/policy/index.ts';
import type { App } from '../http/route-types.ts';

export function registerRoleRoutes(app: App) {
  app.get(
    '/roles',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['users'],
        summary: 'Danh mục vai trò',
        response: { 200: roleListSchema },
      },
    },
    async () => ({ items: [...ROLE_CATALOGUE] }),
  );
}
