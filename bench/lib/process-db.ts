// The database of a benchmark whose servers run in their own processes (lib/app-process.ts): a PGlite
// data directory, or a new database on BENCH_DATABASE_URL (with a files directory), as the environment of
// `thuocdo serve` and the bare servers, opened by the benchmark itself only while no server runs (PGlite
// has no cross-process lock), and dropped at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../../src/db/client.ts';

export interface ProcessTarget {
  kind: 'pglite' | 'postgres';
  /** THUOCDO_DATA_DIR, and DATABASE_URL on PostgreSQL. */
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function processTarget(kind: 'pglite' | 'postgres', prefix = 'thuocdo_load'): Promise<ProcessTarget> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix.replace(/_/g, '-')}-`));
    return {
      kind,
      env: { THUOCDO_DATA_DIR: dir },
      open: () => openPglite({ dir }),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(process.env.BENCH_DATABASE_URL!);
  url.pathname = `/${name}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix.replace(/_/g, '-')}-files-`));
  return {
    kind,
    env: { DATABASE_URL: url.toString(), THUOCDO_DATA_DIR: dir },
    open: () => openPostgres(url.toString(), 10),
    drop: async () => {
      await admin(`drop database if exists ${name} with (force)`);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
