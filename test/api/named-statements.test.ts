// Named prepared statements (src/db/prepared.ts): on PostgreSQL a statement's result is described once per
// process and later executions skip the Describe (pg-named-query.ts, decision 0020). Whichever path runs,
// the rows are the values Drizzle gives for the same SQL — dates and times as text, int8 and numeric as
// numbers, jsonb parsed, arrays, NULLs — on the pool and inside a transaction, concurrently, and an error
// on the short path still reaches the caller and leaves the connection usable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { describedOnce } from '../../src/db/pg-named-query.ts';
import { namedStatement, runNamed } from '../../src/db/prepared.ts';
import { createTestDatabase } from '../support/test-db.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const TEXT = `select $1::uuid as id, $2::int as k, timestamptz '2026-11-10 10:00:00+07' as at, date '2026-01-02' as d,
  12::int8 as n, 1.5::numeric as x, '{"a":[1,2],"b":"Tiếng Việt"}'::jsonb as j, array['a','b']::text[] as t,
  null::text as z, true as ok`;
const shape = namedStatement<Record<string, unknown>>('test_named_shape', TEXT);
const divide = namedStatement<{ q: number }>('test_named_divide', `select 10 / $1::int as q`);
const ID = '6f1c0c2e-8a53-4c1b-9a57-2f0b1f3e9d10';

describe('named statements', () => {
  it('give the rows Drizzle gives for the same SQL, first and later executions alike', async () => {
    const expected = rowsOf<Record<string, unknown>>(
      await database.db.execute(sql.raw(TEXT.replace('$1::uuid', `'${ID}'::uuid`).replace('$2::int', '7::int'))),
    );
    const before = describedOnce.executions;
    for (let i = 0; i < 4; i++) expect(await runNamed(database.db, shape, [ID, 7])).toEqual(expected);
    // On PostgreSQL the later executions took the short path (on PGlite, decision 0017's own path runs).
    if (database.kind === 'postgres') expect(describedOnce.executions).toBeGreaterThan(before);
    expect(expected[0]).toMatchObject({ n: 12, j: { a: [1, 2], b: 'Tiếng Việt' }, t: ['a', 'b'], z: null });
    expect(typeof expected[0]!.at).toBe('string');
  });

  it('bind each execution’s own values, concurrently over the pool and inside transactions', async () => {
    const runs = Array.from({ length: 40 }, (_, k) =>
      k % 2 === 0
        ? runNamed(database.db, shape, [ID, k])
        : database.db.transaction(async (tx) => {
            await runNamed(tx, shape, [ID, -k]);
            return runNamed(tx, shape, [ID, k]);
          }),
    );
    const rows = await Promise.all(runs);
    expect(rows.map((r) => r[0]!.k)).toEqual(Array.from({ length: 40 }, (_, k) => k));
  });

  it('an error on a later execution reaches the caller; the pool and a transaction go on', async () => {
    for (let i = 0; i < 3; i++) expect(await runNamed(database.db, divide, [5])).toEqual([{ q: 2 }]);
    await expect(runNamed(database.db, divide, [0])).rejects.toThrow(/division by zero/);
    expect(await runNamed(database.db, divide, [2])).toEqual([{ q: 5 }]);
    await expect(
      database.db.transaction(async (tx) => {
        expect(await runNamed(tx, divide, [10])).toEqual([{ q: 1 }]);
        await runNamed(tx, divide, [0]);
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await runNamed(database.db, divide, [1])).toEqual([{ q: 10 }]);
  });
});
