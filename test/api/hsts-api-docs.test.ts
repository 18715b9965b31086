// Issue 11, finding 13: Strict-Transport-Security is sent when the public base URL is https (never
// otherwise), and the API documentation (/api/docs) is served in production only when API_DOCS=true —
// always in development and test. Several apps with different settings on one fresh database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/infra/config.ts';
import type { App } from '../../src/server/http/route-types.ts';
import type { Database } from '../../src/db/client.ts';
import { createTestDatabase } from '../support/test-db.ts';

let database: Database;
const apps: App[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await database.close();
});

async function appWith(env: Record<string, string>): Promise<App> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', THUOCDO_DATA_DIR: 'test/.tmp/data', ...env });
  const app = await buildApp({ db: database.db, database, config, webDir: '/nonexistent' });
  await app.ready();
  apps.push(app);
  return app;
}
const PRODUCTION = { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40) };
const get = (app: App, url: string) => app.inject({ method: 'GET', url });

describe('Strict-Transport-Security', () => {
  it('is sent on every answer (API, health, errors) when PUBLIC_BASE_URL is https; never when it is http or unset', async () => {
    const app = await appWith({ ...PRODUCTION, PUBLIC_BASE_URL: 'https://dti.hatinh.gov.vn' });
    for (const url of ['/healthz', '/api/v1/auth/me', '/api/v1/no-such-route', '/api/public/v1/campaigns']) {
      expect((await get(app, url)).headers['strict-transport-security'], url).toBe(
        'max-age=31536000; includeSubDomains',
      );
    }
    for (const env of [{ ...PRODUCTION, PUBLIC_BASE_URL: 'http://10.0.0.5:3000' }, PRODUCTION, {}]) {
      const plain = await appWith(env);
      expect((await get(plain, '/healthz')).headers['strict-transport-security'], JSON.stringify(env)).toBeUndefined();
    }
  });
});

describe('/api/docs', () => {
  it('is not served in production unless API_DOCS=true (404 in the JSON error shape); always in development and test', async () => {
    const app = await appWith(PRODUCTION);
    for (const url of ['/api/docs', '/api/docs/json', '/api/docs/yaml']) {
      const res = await get(app, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    for (const env of [{ ...PRODUCTION, API_DOCS: 'true' }, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }]) {
      const documented = await appWith(env);
      const doc = await get(documented, '/api/docs/json');
      expect(doc.statusCode, JSON.stringify(env)).toBe(200);
      expect(doc.json().paths).toHaveProperty(['/api/v1/frameworks']);
      expect((await get(documented, '/api/docs')).statusCode).toBeLessThan(400);
    }
  });
});
