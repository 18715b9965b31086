// GET /roles — the role catalogue with Vietnamese and English labels.
import { z } from 'zod';
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
        response: { 200: z.object({ items: z.array(z.object({ role: z.string(), label: z.string(), labelEn: z.string(), description: z.string(), appliesToSubtree: z.boolean() })) }) },
      },
    },
    async () => ({ items: [...ROLE_CATALOGUE] }),
  );
}
