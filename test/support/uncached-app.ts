// A second app on a test app's database with the form-items cache off (FORM_CACHE_MB=0): what a load that
// reads everything from the database answers, to compare the cached app's answers with.
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/infra/config.ts';
import type { App } from '../../src/server/http/route-types.ts';
import type { TestApp } from './test-app.ts';

export async function buildUncachedApp(t: TestApp, clock: () => Date): Promise<App> {
  const app = await buildApp({
    db: t.database.db,
    database: t.database,
    config: loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      THUOCDO_DATA_DIR: 'test/.tmp/data',
      FORM_CACHE_MB: '0',
    }),
    webDir: '/nonexistent',
    clock,
  });
  await app.ready();
  return app;
}
