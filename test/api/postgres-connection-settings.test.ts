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
});
