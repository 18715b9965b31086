// runNamed on PGlite sends the extended-protocol messages itself (src/db/pglite-prepared.ts, decision
// 0017): prepared once per instance, the same rows as Drizzle's own path, errors with their SQLSTATE,
// transactions honoured and never interleaved with another caller's query.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../src/db/client.ts';
import { namedStatement, runNamed } from '../../src/db/prepared.ts';
import { asksTextTypesOnly } from '../../src/db/pglite-text-types.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { testDbKind } from '../support/test-db-config.ts';

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await db.execute(sql`create table prep_t (id int primary key, note text)`);
});
afterAll(() => database.close());

const rowsOf = async (query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
const preparedRow = async (name: string) =>
  rowsOf(sql`select name, prepare_time::text as at, generic_plans + custom_plans as runs
             from pg_prepared_statements where name = ${name}`);

describe.skipIf(testDbKind() === 'postgres')('named prepared statements on PGlite', () => {
  it('parses a statement once per instance and runs it again by name', async () => {
    const byId = namedStatement<{ id: number }>('prep_test_by_id', 'select $1::int as id');
    expect(await runNamed(db, byId, [1])).toEqual([{ id: 1 }]);
    const [first] = await preparedRow('prep_test_by_id');
    expect(await runNamed(db, byId, [2])).toEqual([{ id: 2 }]);
    expect(await runNamed(db, byId, [3])).toEqual([{ id: 3 }]);
    const after = await preparedRow('prep_test_by_id');
    expect(after).toHaveLength(1);
    expect(after[0]!.at).toBe(first!.at);
    expect(after[0]!.runs).toBe(3);
  });

  it('gives the rows the Drizzle path gave: jsonb, arrays, timestamptz, numeric, bool, bytea, null', async () => {
    const json = { a: 1, b: [2, 'ç'], c: { d: null } };
    const at = new Date('2026-12-04T10:00:00.123Z');
    const bytes = Buffer.from([0, 1, 127, 255]);
    const text = `select $1::jsonb as j, $2::int[] as ints, $3::text[] as texts, $4::timestamptz as ts,
      $5::timestamptz as ts_text, $6::numeric as n, $7::boolean as b, $8::bytea as by, $9::text as nothing,
      $10::jsonb as j_null, array[1.5, 2]::numeric[] as ns, '2026-01-02'::date as d,
      array['2026-01-02 03:04:05+07']::timestamptz[] as tss, 42::bigint as big, 2.5::float8 as f`;
    const params = [
      json,
      [1, 2, 3],
      ['a', 'b,"c', 'đ'],
      at,
      '2026-12-04 17:00:00.654321+07',
      '12.50',
      true,
      bytes,
      null,
      null,
    ];
    const named = await runNamed(db, namedStatement('prep_test_types', text), params);
    // What runNamed gave before: Drizzle's PGlite path (PGlite's query, which ignores the name).
    const drizzle = await db._.session
      .prepareQuery({ sql: text, params }, undefined, 'prep_test_types', false)
      .execute();
    expect(named).toEqual((drizzle as { rows: unknown[] }).rows);
    const [row] = named as Record<string, unknown>[];
    expect(row!.j).toEqual(json);
    expect(typeof row!.ts).toBe('string');
    expect(row!.nothing).toBeNull();
    expect(Buffer.from(row!.by as Uint8Array)).toEqual(bytes);
  });

  it('an error inside a transaction carries its code and rolls the transaction back', async () => {
    const insert = namedStatement('prep_test_insert', 'insert into prep_t (id, note) values ($1, $2)');
    const error = await db
      .transaction(async (tx) => {
        await runNamed(tx, insert, [1, 'one']);
        await runNamed(tx, insert, [1, 'again']);
      })
      .catch((err: unknown) => err);
    expect(error).toMatchObject({ code: '23505', constraint: 'prep_t_pkey' });
    expect((error as { detail?: string }).detail).toContain('(id)=(1)');
    expect(await rowsOf(sql`select count(*)::int as n from prep_t`)).toEqual([{ n: 0 }]);

    // Caught inside the transaction: the transaction is aborted as usual (25P02) and still rolls back.
    const aborted = await db
      .transaction(async (tx) => {
        await runNamed(tx, insert, [2, 'two']);
        await runNamed(tx, insert, [2, 'again']).catch(() => {});
        await runNamed(tx, insert, [3, 'three']);
      })
      .catch((err: unknown) => err);
    expect(aborted).toMatchObject({ code: '25P02' });
    expect(await rowsOf(sql`select count(*)::int as n from prep_t`)).toEqual([{ n: 0 }]);

    // The statement prepared inside the rolled-back transaction survives it (statements are not transactional).
    await runNamed(db, insert, [4, 'four']);
    expect(await rowsOf(sql`select id from prep_t`)).toEqual([{ id: 4 }]);
    await db.execute(sql`delete from prep_t`);
  });

  it('a Parse that fails is not recorded: the next call parses again', async () => {
    const broken = namedStatement('prep_test_later', 'select id from prep_later');
    await expect(runNamed(db, broken, [])).rejects.toMatchObject({ code: '42P01' });
    await db.execute(sql`create table prep_later (id int)`);
    expect(await runNamed(db, broken, [])).toEqual([]);
  });

  it('concurrent callers never interleave with a transaction or with each other', async () => {
    const insert = namedStatement('prep_test_insert2', 'insert into prep_t (id) values ($1)');
    const count = namedStatement<{ n: number }>('prep_test_count', 'select count(*)::int as n from prep_t');
    let inside = false;
    const transaction = db.transaction(async (tx) => {
      inside = true;
      await runNamed(tx, insert, [10]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await runNamed(tx, insert, [11]);
      inside = false;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(inside).toBe(true);
    // Same connection: had it run between the two inserts it would have seen 1 row, inside the transaction.
    const [seen] = await runNamed(db, count, []);
    expect(seen).toEqual({ n: 2 });
    await transaction;

    // Many first and later calls at once, each with its own parameters, each gets its own answer.
    const echo = namedStatement<{ v: string }>('prep_test_echo', 'select $1::text as v');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => runNamed(db, echo, [`v${i}`])));
    expect(answers.map((r) => r[0]!.v)).toEqual(Array.from({ length: 40 }, (_, i) => `v${i}`));
    await db.execute(sql`delete from prep_t`);
  });

  it('a statement whose result type changed, or that was deallocated, is prepared again', async () => {
    await db.execute(sql`create table prep_s (a int)`);
    await db.execute(sql`insert into prep_s values (1)`);
    const all = namedStatement('prep_test_star', 'select * from prep_s');
    expect(await runNamed(db, all, [])).toEqual([{ a: 1 }]);
    await db.execute(sql`alter table prep_s add column b int default 2`);
    expect(await runNamed(db, all, [])).toEqual([{ a: 1, b: 2 }]);
    await db.execute(sql`deallocate all`);
    expect(await runNamed(db, all, [])).toEqual([{ a: 1, b: 2 }]);
  });

  it('refuses a second text under a name already prepared', async () => {
    await runNamed(db, namedStatement('prep_test_twice', 'select 1 as x'), []);
    await expect(runNamed(db, namedStatement('prep_test_twice', 'select 2 as x'), [])).rejects.toThrow(
      /prepared with another text/,
    );
  });

  it('reads every column of a wide row by its name, the duplicates as PostgreSQL sends them (the last wins)', async () => {
    const columns = Array.from({ length: 60 }, (_, i) => `${i}::int as c${i}`).join(', ');
    const [wide] = await runNamed<Record<string, number>>(
      db,
      namedStatement('prep_test_wide', `select ${columns}`),
      [],
    );
    expect(Object.keys(wide!)).toEqual(Array.from({ length: 60 }, (_, i) => `c${i}`));
    expect(wide!.c59).toBe(59);
    const twice = namedStatement('prep_test_dup', 'select 1 as x, 2 as x');
    expect(await runNamed(db, twice, [])).toEqual((await rowsOf(sql`select 1 as x, 2 as x`)) as unknown[]);
  });

  it("refuses a column named __proto__ rather than setting the row's prototype", async () => {
    await expect(runNamed(db, namedStatement('prep_test_proto', 'select 1 as "__proto__"'), [])).rejects.toThrow(
      /__proto__/,
    );
  });
});

// PGlite reads timestamps, dates and intervals as text from the start (src/db/pglite-text-types.ts), so
// Drizzle's queries need not pass the same parsers with every call (PGlite copied all ~320 for each).
describe.skipIf(testDbKind() === 'postgres')('the types read as text on PGlite', () => {
  const drizzleParsers = () => {
    const same = (value: string) => value;
    return {
      1114: same,
      1184: same,
      1186: same,
      1082: same,
      1231: same,
      1115: same,
      1185: same,
      1187: same,
      1182: same,
    };
  };

  it("recognises Drizzle's parsers, and nothing else, as asking for exactly those types as text", () => {
    expect(asksTextTypesOnly(drizzleParsers())).toBe(true);
    expect(asksTextTypesOnly({ ...drizzleParsers(), 1184: (v: string) => new Date(v) })).toBe(false);
    expect(asksTextTypesOnly({ ...drizzleParsers(), 25: (v: string) => v })).toBe(false);
    const { 1182: _dates, ...fewer } = drizzleParsers();
    expect(asksTextTypesOnly(fewer)).toBe(false);
    const throwing = () => {
      throw new Error('not text');
    };
    expect(asksTextTypesOnly({ ...drizzleParsers(), 1082: throwing })).toBe(false);
  });

  it('answers the same values through Drizzle, a named statement, and both inside a transaction', async () => {
    const text = `select '2026-12-05 10:00:00'::timestamp as a, '2026-12-05 10:00:00+07'::timestamptz as b,
      '2026-12-05'::date as c, interval '1 day 02:00' as d, array[1.5]::numeric[] as e,
      array['2026-12-05 10:00:00']::timestamp[] as f, array['2026-12-05 10:00:00+07']::timestamptz[] as g,
      array[interval '2 hours'] as h, array['2026-12-05']::date[] as i, null::timestamptz as j`;
    const expected = {
      a: '2026-12-05 10:00:00',
      b: '2026-12-05 03:00:00+00',
      c: '2026-12-05',
      d: '1 day 02:00:00',
      e: '{1.5}',
      f: '{"2026-12-05 10:00:00"}',
      g: '{"2026-12-05 03:00:00+00"}',
      h: '{02:00:00}',
      i: '{2026-12-05}',
      j: null,
    };
    const statement = namedStatement('prep_test_text_types', text);
    expect(await rowsOf(sql.raw(text))).toEqual([expected]);
    expect(await runNamed(db, statement, [])).toEqual([expected]);
    const inside = await db.transaction(async (tx) => [
      ((await tx.execute(sql.raw(text))) as unknown as { rows: unknown[] }).rows,
      await runNamed(tx, statement, []),
    ]);
    expect(inside).toEqual([[expected], [expected]]);
  });
});
