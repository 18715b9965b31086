// A fresh migrated database for a benchmark: in-memory PGlite, or a new database on BENCH_DATABASE_URL.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

export type BenchDbKind = 'pglite' | 'postgres';

export function benchDbKinds(): BenchDbKind[] {
  const kinds: BenchDbKind[] = process.env.BENCH_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  // BENCH_DB=postgres (or pglite): one database only, e.g. to profile one driver.
  const only = process.env.BENCH_DB;
  return only ? kinds.filter((k) => k === only) : kinds;
}

export async function openBenchDatabase(kind: BenchDbKind): Promise<Database> {
  if (kind === 'pglite') {
    const database = await openPglite({});
    await migrateDatabase(database);
    return database;
  }
  const name = `thuocdo_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.BENCH_DATABASE_URL!);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 20);
  await migrateDatabase(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
