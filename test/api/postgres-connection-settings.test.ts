// The settings every connection of the app's PostgreSQL pool starts with (src/db/client.ts). JIT
// compilation is off (docs/decisions/0022): a one-form statement whose generic plan overestimated its rows
// crossed the JIT cost threshold and spent 38 ms compiling for 1 ms of work, on every submission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { testDbKind } from '../support/test-db-config.ts';

describe.skipIf(testDbKind() !== 'postgres')('the PostgreSQL pool', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  it('opens every connection with JIT compilation off', async () => {
    // Ten transactions at once hold ten connections of the pool, new ones included.
    const seen = await Promise.all(
      Array.from({ length: 10 }, () =>
        database.db.transaction(async (tx) => {
          const [row] = rowsOf<{ jit: string; pid: number }>(
            await tx.execute(sql`select current_setting('jit') as jit, pg_backend_pid() as pid, pg_sleep(0.05)`),
          );
          return row!;
        }),
      ),
    );
    expect(new Set(seen.map((r) => r.pid)).size).toBe(10);
    expect(seen.every((r) => r.jit === 'off')).toBe(true);
  });

  it('lends a new connection only once the setting is applied: its first query is not queued behind it', async () => {
    // node-postgres 8 warns when a query is sent while another runs on the connection (9 refuses it); a setting
    // sent from the pool's connect event, not awaited, did that on every new connection's first query.
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(w.message);
    process.on('warning', listen);
    const fresh = await createTestDatabase();
    try {
      await Promise.all(Array.from({ length: 5 }, () => fresh.db.execute(sql`select pg_sleep(0.02)`)));
      await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', listen);
      await fresh.close();
    }
    expect(warnings.filter((m) => m.includes('already executing a query'))).toEqual([]);
  });
});
