// Runs once before the API suites: builds a migrated template database so each suite gets a fresh,
// isolated copy in well under a second (the Immich approach). PGlite: a dumped data directory;
// PostgreSQL (THUOCDO_TEST_DB=postgres with TEST_DATABASE_URL): a template database cloned per suite.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { adminUrl, pgliteTemplateFile, pgTemplateName, testDbKind } from './test-db-config.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testRunId: string;
  }
}

export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString('hex');
  project.provide('testRunId', runId);
  const PG_TEMPLATE_DB = pgTemplateName(runId);
  if (testDbKind() === 'postgres') {
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`drop database if exists ${PG_TEMPLATE_DB}`);
    await admin.query(`create database ${PG_TEMPLATE_DB}`);
    await admin.end();
    const url = new URL(adminUrl());
    url.pathname = `/${PG_TEMPLATE_DB}`;
    const database = await openPostgres(url.toString(), 2);
    await migrateDatabase(database);
    await database.close();
    return async () => {
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      const { rows } = await c.query(`select datname from pg_database where datname like 'thuocdo_t_${runId}_%'`);
      for (const r of rows) await c.query(`drop database if exists "${r.datname}" with (force)`);
      await c.end();
    };
  }
  const database = await openPglite({});
  await migrateDatabase(database);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const client = (database.db as any).$client as { dumpDataDir(c: 'none'): Promise<Blob> };
  const dump = await client.dumpDataDir('none');
  const file = pgliteTemplateFile(runId);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  return () => fs.rmSync(file, { force: true });
}
