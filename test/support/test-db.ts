// A fresh database for one test suite, cloned from the migrated template made by global-setup.ts.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../../src/db/client.ts';
import { inject } from 'vitest';
import { adminUrl, pgliteTemplateFile, pgTemplateName, testDbKind } from './test-db-config.ts';

export async function createTestDatabase(): Promise<Database> {
  if (testDbKind() === 'postgres') {
    const runId = inject('testRunId');
    const PG_TEMPLATE_DB = pgTemplateName(runId);
    const name = `thuocdo_t_${runId}_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    // Two suites cloning the template at the same instant can collide ("being accessed by other users").
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${PG_TEMPLATE_DB}`);
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006' || attempt > 20) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    await admin.end();
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    const database = await openPostgres(url.toString(), 10);
    return {
      ...database,
      close: async () => {
        await database.close();
        const c = new pg.Client({ connectionString: adminUrl() });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const template = new Blob([fs.readFileSync(pgliteTemplateFile(inject('testRunId')))]);
  return openPglite({ loadDataDir: template });
}
