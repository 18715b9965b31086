// Figure (issue 16, docs/decisions/0027): the CPU a query costs on the embedded database beyond PGlite's own
// — a one-row select through Drizzle's `db.execute` on the database as the app opens it (openPglite: the
// types read as text said once, so Drizzle's per-query parsers are left out). Baseline, same run, same
// process: PGlite's own `query` of the same text without options, on a bare instance. The note gives what
// the same Drizzle call cost the way it ran before decision 0027 (PGlite given Drizzle's parsers with every
// query, and copying all of its own for each), and a 55-column row read by a named statement (runNamed,
// the form load's and the save's path). CPU from process.cpuUsage over N calls after a warm-up, one call at
// a time (no concurrency: what one query costs, not how they queue).
// Run: npx tsx bench/pglite-query-cpu.bench.ts   (PGLITE_QUERY_CALLS, default 20000)
import { PGlite, types } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { openPglite } from '../src/db/client.ts';
import { namedStatement, runNamed } from '../src/db/prepared.ts';
import { reportAmount } from './lib/stats.ts';

const CALLS = Number(process.env.PGLITE_QUERY_CALLS ?? 20_000);
const TEXT = `select 1::int as id, 'Phường Ba Đình'::text as name, now() as at, '{"a":1}'::jsonb as info, true as ok`;
const WIDE = `select ${Array.from(
  { length: 55 },
  (_, i) =>
    [`'x${i}'::text`, `${i}::int`, `now()`, `'{"a":1}'::jsonb`, `'00000000-0000-0000-0000-000000000001'::uuid`][i % 5] +
    ` as c${i}`,
).join(', ')}`;

/** Mean CPU ms per call (user + system) of `call`, run one at a time. */
async function cpuPerCall(call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(2000, CALLS / 5); i++) await call();
  const start = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) await call();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / CALLS;
}

const app = await openPglite({});
const bare = await PGlite.create();
const same = (value: string) => value;
// What drizzle-orm/pglite/session.js passes with every query (its rawQueryConfig).
const drizzleOptions = {
  rowMode: 'object' as const,
  parsers: Object.fromEntries(
    [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((t) => [
      t,
      same,
    ]),
  ),
};
const wide = namedStatement('bench_pglite_wide_row', WIDE);
try {
  const figures = { drizzle: 0, bare: 0, before: 0, named: 0 };
  // Alternated twice, the mean of both kept: the machine's drift falls on each alike.
  for (let round = 0; round < 2; round++) {
    figures.drizzle += (await cpuPerCall(() => app.db.execute(sql.raw(TEXT)))) / 2;
    figures.bare += (await cpuPerCall(() => bare.query(TEXT))) / 2;
    figures.before += (await cpuPerCall(() => bare.query(TEXT, [], drizzleOptions))) / 2;
    figures.named += (await cpuPerCall(() => runNamed(app.db, wide, []))) / 2;
  }
  const µs = (ms: number) => `${Math.round(ms * 1000)} µs`;
  reportAmount({
    name: 'one-row query through Drizzle on PGlite (CPU per query)',
    db: 'pglite',
    value: figures.drizzle * 1000,
    baselineValue: figures.bare * 1000,
    unit: 'µs',
    baselineName: "PGlite's own query() of the same text, no options, same process (CPU per query)",
    target: 'no per-query copy of the parsers',
    note:
      `Drizzle ${µs(figures.drizzle)}, bare ${µs(figures.bare)}; before decision 0027 (PGlite given Drizzle's ` +
      `parsers with each query): ${µs(figures.before)} (×${(figures.before / figures.bare).toFixed(2)} the bare query); ` +
      `a 55-column row by a named statement (runNamed): ${µs(figures.named)}; ${CALLS} calls each, twice, alternated`,
  });
} finally {
  await app.close();
  await bare.close();
}
