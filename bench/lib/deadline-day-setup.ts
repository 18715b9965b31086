// What the deadline-day benchmarks share (load-deadline-day.bench.ts, a closed loop at 64 and 256 connections;
// load-deadline-day-open.bench.ts, an open loop at set arrival rates): the national fixture's items and their
// inputs, the upload's PDF, the units' sessions, the CPU meters, the mix's weighted mean, the form's answer
// captured for the floor, and the submitted forms put back to draft.
import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { leaves } from '../../src/core/framework/index.ts';
import type { Database } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { createSession } from '../../src/db/queries/sessions.ts';
import { leaderName, reporterName } from '../../src/fixture/national-accounts.ts';
import { fixtureInputs, nationalFramework } from '../../src/fixture/national-framework.ts';
import { makePdf } from '../../src/fixture/file-makers.ts';
import { createRng } from '../../src/fixture/random.ts';
import type { Proc } from './app-process.ts';
import type { ConnUnit, MixResult, SubmitUnit } from './deadline-mix.ts';
import {
  type CpuMeter,
  cpuMeter,
  eventLoopMeter,
  perRequest,
  postgresMeter,
  processTree,
  selfMeter,
} from './proc-cpu.ts';

/** Items of the fixture's form (`thuocdo fixture national` makes 100 unless told otherwise). */
export const ITEMS = 100;

/** Each item's code and the inputs a save sends for it. */
export const entries = leaves(nationalFramework(ITEMS)).map((l, n) => ({
  code: l.node.code,
  inputs: fixtureInputs(l.node, 0.8, createRng(n), 30),
}));

/** The one-page PDF the mix's uploads send (each upload made its own by the worker). */
export const uploadPdf = () => makePdf('Báo cáo bổ sung tài liệu kiểm chứng', 1, createRng(7));

/**
 * The national fixture of `units` units (`thuocdo fixture national --skip-files`: evidence as links, so the
 * load does not depend on stored bytes) in the target's database; answers how long it took, in ms.
 */
export function nationalFixture(env: Record<string, string>, units: number): number {
  const t0 = performance.now();
  execFileSync(process.execPath, ['bin/thuocdo.mjs', 'fixture', 'national', '--units', String(units), '--skip-files'], {
    env: { ...process.env, ...env, NODE_ENV: 'test' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return performance.now() - t0;
}

/** Rounded to two decimals, as the reports give figures. */
export const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * CPU meters over a run (lib/proc-cpu.ts): the server processes, the load generator (this process:
 * its load generator's thread runs here) and, on a local PostgreSQL, its processes; `perRequest(n)` reads them as
 * "server 0.61, load generator 0.20, postgres 0.35" (ms per request), followed by where the servers' event loops
 * spent the run (on a core, waiting for one, asleep) and the machine's idle share (eventLoopMeter): the limit
 * the figure hits.
 */
export function meters(servers: Proc[], kind: 'pglite' | 'postgres') {
  const all: [string, CpuMeter | null][] = [
    ['server', cpuMeter(() => servers.flatMap((s) => processTree(s.child.pid!)))],
    ['load generator', selfMeter()],
    ...(kind === 'postgres'
      ? [['postgres', postgresMeter(process.env.BENCH_DATABASE_URL)] as [string, CpuMeter | null]]
      : []),
  ];
  const loops = eventLoopMeter(() => servers.map((s) => s.child.pid!));
  return {
    perRequest: (n: number) => {
      const cpu = all.map(([name, m]) => `${name} ${perRequest(m?.ms(), n)}`).join(', ');
      const where = loops.text();
      return where ? `${cpu} (${where})` : cpu;
    },
  };
}

/** Sessions for `n` connection units (partly filled drafts) and `m` submitters (complete drafts), disjoint per run. */
export async function sessions(database: Database, counts: number[], m: number) {
  const runs = counts.length;
  const drafts = rowsOf<{ id: string; unit_id: string; code: string; filled: number }>(
    await database.db.execute(sql`select a.id, a.unit_id, u.code, count(i.code)::int as filled
    from assessments a join campaigns c on c.id = a.campaign_id and c.status = 'open' join org_units u on u.id = a.unit_id
    left join assessment_items i on i.assessment_id = a.id where a.status = 'draft' group by a.id, a.unit_id, u.code order by u.code`),
  );
  const partial = drafts.filter((d) => d.filled < ITEMS);
  const complete = drafts.filter((d) => d.filled === ITEMS);
  const user = async (username: string) =>
    rowsOf<{ id: string }>(await database.db.execute(sql`select id from users where username = ${username}`))[0]!.id;
  const out: { units: ConnUnit[]; submits: SubmitUnit[] }[] = [];
  for (let r = 0, from = 0; r < runs; from += counts[r]!, r++) {
    const units: ConnUnit[] = [];
    for (const d of partial.slice(from, from + counts[r]!)) {
      const s = await createSession(database.db, { userId: await user(reporterName(d.code)), ttlHours: 12 });
      const versions = new Map(
        rowsOf<{ code: string; version: number }>(
          await database.db.execute(sql`select code, version from assessment_items where assessment_id = ${d.id}`),
        ).map((i) => [i.code, Number(i.version)]),
      );
      units.push({
        assessmentId: d.id,
        unitId: d.unit_id,
        cookie: `thuocdo_sid=${s.token}`,
        csrf: s.csrfToken,
        versions,
      });
    }
    const submits: SubmitUnit[] = [];
    for (const d of complete
      .slice(Math.floor((r * complete.length) / runs), Math.floor(((r + 1) * complete.length) / runs))
      .slice(0, m)) {
      const s = await createSession(database.db, { userId: await user(leaderName(d.code)), ttlHours: 12 });
      submits.push({ assessmentId: d.id, cookie: `thuocdo_sid=${s.token}`, csrf: s.csrfToken });
    }
    out.push({ units, submits });
  }
  return out;
}

/** The mix's mean round trip, each kind weighted by its share of the mix (deadline-mix.ts). */
export const mixMean = (m: MixResult) =>
  m.byKind.load.mean * 0.2 + m.byKind.save.mean * 0.65 + m.byKind.upload.mean * 0.1 + m.byKind.submit.mean * 0.05;

/** A form's answer as the app sends it to a mix's load (no Accept-Encoding). */
export async function capturedForm(base: string, unit: ConnUnit): Promise<Buffer> {
  const res = await fetch(`${base}/api/v1/assessments/${unit.assessmentId}`, {
    headers: { cookie: unit.cookie, 'accept-encoding': 'identity' },
  });
  if (res.status !== 200) throw new Error(`form capture: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** The submissions' forms back to draft, so that the floor mix submits them again (its submit's only guard). */
export async function draftAgain(t: { open: () => Promise<Database> }, submits: SubmitUnit[]): Promise<void> {
  const database = await t.open();
  try {
    await database.db.execute(sql`update assessments set status = 'draft', submitted_at = null
      where status = 'submitted' and id = any(${`{${submits.map((s) => s.assessmentId).join(',')}}`}::uuid[])`);
  } finally {
    await database.close();
  }
}
