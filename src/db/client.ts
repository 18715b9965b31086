// Opens the one database the app uses: real PostgreSQL when a URL is given, otherwise embedded PGlite
// persisted in <dataDir>/pgdata behind an exclusive lock. Both give the same Drizzle API over one schema.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { prepareDataDir, tightenTree } from './data-dir.ts';
import { acquireDataDirLock } from './lock.ts';
import { OwnerOnlyNodeFS } from './owner-only-fs.ts';
import { trackPgliteTransactions } from './pglite-prepared.ts';
import { readTextTypesOnce } from './pglite-text-types.ts';
import { watchPglitePublications, watchPostgresPublications } from './publication-changes.ts';

/**
 * A database or a transaction: every query function takes this. Without Drizzle's relational query API
 * (`db.query.*`, unused): it built one query builder per table for every transaction, ~10-40 µs of CPU
 * on each item save.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Cheap liveness probe for /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

// pg returns int8 (COUNT, RANK) and numeric as strings; PGlite returns numbers. Convert here, once.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export async function openPostgres(url: string, poolSize = 20): Promise<Database> {
  // Fail fast while the database is unreachable (503, never a hung request): 5 s to get a connection,
  // 60 s for any one query to answer, and TCP keep-alive so a vanished server is noticed on idle sockets.
  // No JIT compilation on the app's connections (docs/decisions/0022): its threshold is a plan's estimated
  // cost, and one-form statements whose generic plans overestimate rows crossed it — the submit's context
  // read spent 38 ms compiling for 1 ms of work. Sent as the first statement of every new connection (not a
  // startup option, which connection poolers such as PgBouncer refuse), and awaited before the pool lends the
  // connection (`onConnect`): sent from the pool's `connect` event instead, the first query queued behind it,
  // which node-postgres 8 warns of and 9 refuses. A connection that cannot take it is closed and the caller
  // gets the error.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    query_timeout: 60_000,
    keepAlive: true,
    onConnect: async (client) => {
      await client.query('set jit = off');
    },
  });
  pool.on('error', () => {
    /* an idle client lost its connection (e.g. server restart); the pool replaces it */
  });
  const db = drizzlePg(pool) as unknown as Db;
  // The snapshot changes of this process and, by LISTEN, of the others (publication-changes.ts).
  const stopWatch = watchPostgresPublications(pool, url, db);
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await pool.query('select 1');
    },
    close: async () => {
      await stopWatch();
      await pool.end();
    },
  };
}

/**
 * `dir` undefined → in-memory (tests). `loadDataDir` → start from a dumped template (fast fresh test DBs).
 * With a directory: refused when group/others may write it, tightened to owner-only (data-dir.ts), and
 * every file PGlite creates from then on is owner-only (owner-only-fs.ts).
 */
export async function openPglite(options: { dir?: string; loadDataDir?: Blob; lock?: boolean }): Promise<Database> {
  if (options.dir) prepareDataDir(options.dir);
  const release = options.dir && options.lock !== false ? acquireDataDirLock(options.dir) : () => {};
  try {
    const pgdata = options.dir ? path.join(options.dir, 'pgdata') : undefined;
    const client = new PGlite({
      ...(pgdata ? { fs: new OwnerOnlyNodeFS(pgdata) } : {}),
      loadDataDir: options.loadDataDir,
    });
    await client.waitReady;
    // Files of a database created before owner-only modes (0666) are tightened once here.
    if (pgdata) tightenTree(pgdata);
    // Timestamps and dates as text, said once rather than with every query (pglite-text-types.ts).
    readTextTypesOnce(client);
    // Named prepared statements inside transactions need to know the instance (prepared.ts).
    trackPgliteTransactions(client);
    const db = drizzlePglite(client) as unknown as Db;
    // This process owns the database: it hears every change to the snapshots (publication-changes.ts).
    await watchPglitePublications(client, db);
    return {
      db,
      kind: 'pglite',
      ping: async () => {
        await client.query('select 1');
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

export async function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite({ dir: config.dataDir });
}
