// A throw-away target for fault tests: an embedded data directory, or (PostgreSQL pass) a fresh database
// on the test server plus a data directory for the evidence files; seeded with the demo province, with SQL
// access for checks (PGlite only while no server holds the directory).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite } from '../../src/db/client.ts';
import { thuocdoSync } from './server-process.ts';
import { adminUrl, testDbKind } from './test-db-config.ts';

export interface FaultTarget {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  query<T>(text: string): Promise<T[]>;
  dispose(): Promise<void>;
}

export async function createFaultTarget(prefix: string, options: { seed?: boolean } = {}): Promise<FaultTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `thuocdo-${prefix}-`));
  let env: NodeJS.ProcessEnv = { THUOCDO_DATA_DIR: dataDir, DATABASE_URL: '' };
  let dbName: string | undefined;
  if (testDbKind() === 'postgres') {
    dbName = `thuocdo_f_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(adminUrl());
    url.pathname = `/${dbName}`;
    env = { THUOCDO_DATA_DIR: dataDir, DATABASE_URL: url.toString() };
  } else {
    delete env.DATABASE_URL;
  }
  const childEnv = (): NodeJS.ProcessEnv => {
    const e = { ...process.env, ...env };
    if (!env.DATABASE_URL) delete e.DATABASE_URL;
    return e;
  };
  if (options.seed !== false) {
    const seeded = thuocdoSync(['seed', '--demo'], childEnv());
    if (seeded.status !== 0) throw new Error(`seed: ${seeded.stderr}`);
  }
  return {
    dataDir,
    env: childEnv(),
    async query<T>(text: string): Promise<T[]> {
      if (env.DATABASE_URL) {
        const c = new pg.Client({ connectionString: env.DATABASE_URL });
        await c.connect();
        try {
          return (await c.query(text)).rows as T[];
        } finally {
          await c.end();
        }
      }
      const db = await openPglite({ dir: dataDir });
      try {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        return ((await (db.db as any).$client.query(text)) as { rows: T[] }).rows;
      } finally {
        await db.close();
      }
    },
    async dispose() {
      if (dbName) {
        const admin = new pg.Client({ connectionString: adminUrl() });
        await admin.connect();
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
