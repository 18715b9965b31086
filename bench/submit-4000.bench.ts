// Figure (campaigns issue): 4,000 units submitting within one minute, 64 at a time, over real HTTP on
// loopback (POST /api/v1/assessments/{id}/submit, the full check: completeness, lateness, audit). Every
// submission must be recorded — none lost — and each submitted_at must lie within its own request's
// send/receive window (server time, never the client's). Reports the total time and the round trip per
// request as the load generator sees it, with the server time and the CPU per request (the in-process
// servers' main thread; PostgreSQL's when local) in the note. Baseline, same run and concurrency: a bare
// Fastify route setting status and submitted_at with one UPDATE on another 4,000 assessments.
// Why the round trip and not the server time (reply.elapsedTime) as the figure: under 64 clients the
// requests queue somewhere, and where differs — the app's wait for one of the pool's 20 connections (for
// the session read, then for the transaction) is inside its handler, so inside its server time, while the
// bare route's single statement rarely waits there and its queue forms before onRequest (sockets not yet
// read by a busy event loop), outside its server time. The round trip counts every queue for both alike.
// Run: npx tsx bench/submit-4000.bench.ts   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL)
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import type { FrameworkDefinition } from '../src/core/framework/index.ts';
import { rowsOf } from '../src/db/queries/assessments.ts';
import { createSession } from '../src/db/queries/sessions.ts';
import { roleAssignments, users } from '../src/db/schema/accounts.ts';
import type { App } from '../src/server/http/route-types.ts';
import { benchDbKinds, openBenchDatabase } from './lib/bench-db.ts';
import { mainThreadCpuMs, perRequest, postgresMeter } from './lib/proc-cpu.ts';
import {
  type PlainJob,
  type Timed,
  accountWithSession,
  listen,
  listenApp,
  mean,
  openBenchCampaign,
  percentile,
  runLoad,
  seedProvince,
} from './lib/campaign-bench.ts';
import { report } from './lib/stats.ts';

const UNITS = Number(process.env.BENCH_UNITS ?? 4000);
const CONCURRENCY = 64;
const CODES = ['1.1', '1.2', '1.3', '2.1', '2.2'];

const SMALL_SET: FrameworkDefinition = {
  code: 'do-tai-nop',
  name: 'Bộ chỉ số đo tải nộp báo cáo',
  decision: { number: 'Đo tải', issuer: 'Thước Đo' },
  appliesTo: { unitTypes: ['commune'] },
  illustrative: true,
  nodes: [
    {
      code: '1',
      title: 'Nhóm 1',
      maxPoints: 30,
      children: CODES.slice(0, 3).map((code) => ({
        code,
        title: `Chỉ số ${code}`,
        maxPoints: 10,
        method: { kind: 'manual' as const, step: 0.25 },
      })),
    },
    {
      code: '2',
      title: 'Nhóm 2',
      maxPoints: 20,
      children: CODES.slice(3).map((code) => ({
        code,
        title: `Chỉ số ${code}`,
        maxPoints: 10,
        method: { kind: 'manual' as const, step: 0.25 },
      })),
    },
  ],
};

type Run = { wallMs: number; timed: Timed[] };

for (const kind of benchDbKinds()) {
  const database = await openBenchDatabase(kind);
  const db = database.db;
  const ids = await seedProvince(database, UNITS);
  const t0 = performance.now();
  const campaign = await openBenchCampaign(database, SMALL_SET, 'Đo tải nộp báo cáo');
  const openMs = performance.now() - t0;
  // Every unit has filled every item with an explanation (one set-based statement).
  await db.execute(sql`insert into assessment_items (assessment_id, code, inputs, self_score, explanation, version)
    select a.id, c.code, jsonb_build_object('score', 7.5), 7.5, 'Theo báo cáo của đơn vị', 1
    from assessments a cross join unnest(${`{${CODES.join(',')}}`}::text[]) as c(code) where a.campaign_id = ${campaign.campaignId}`);
  // One leader over the whole province (subtree), with one session per client.
  const [leader] = await db
    .insert(users)
    .values({ username: 'lanhdao', fullName: 'Lãnh đạo đo tải', fullNameFolded: 'lanh dao do tai', passwordHash: 'x' })
    .returning();
  await db
    .insert(roleAssignments)
    .values({ userId: leader!.id, role: 'unit_leader', unitId: ids.get('B')!, subtree: true });
  const sessions: { token: string; csrfToken: string }[] = [];
  for (let i = 0; i < CONCURRENCY; i++) sessions.push(await createSession(db, { userId: leader!.id, ttlHours: 2 }));
  const server = await listenApp(database);

  const requests = campaign.assessments.map((a, i) => {
    const s = sessions[i % CONCURRENCY]!;
    return {
      url: `${server.base}/api/v1/assessments/${a.id}/submit`,
      method: 'POST',
      headers: { cookie: `thuocdo_sid=${s.token}`, 'x-csrf-token': s.csrfToken },
    };
  });
  const pgCpu = kind === 'postgres' ? postgresMeter(process.env.BENCH_DATABASE_URL) : null;
  const cpu0 = mainThreadCpuMs();
  const run = await runLoad<Run>({ mode: 'plain', concurrency: CONCURRENCY, requests } satisfies PlainJob);
  const cpu = cpuSince(cpu0);
  const pgMs = pgCpu ? pgCpu.ms() : null;
  const times = server.serverMs.get('POST /api/v1/assessments/:id/submit') ?? [];

  // None lost, timestamps exact.
  const failed = run.timed.filter((t) => t.status !== 200);
  if (failed.length > 0) throw new Error(`${failed.length} submissions answered ${failed[0]!.status}`);
  const stored = rowsOf<{ id: string; submitted_at: string | Date }>(
    await db.execute(
      sql`select id, submitted_at from assessments where campaign_id = ${campaign.campaignId} and status = 'submitted'`,
    ),
  );
  if (stored.length !== UNITS) throw new Error(`${stored.length} of ${UNITS} submissions recorded`);
  const at = new Map(stored.map((r) => [r.id, new Date(r.submitted_at).getTime()]));
  const outside = run.timed.filter((t) => {
    const s = at.get(campaign.assessments[t.index]!.id);
    return s === undefined || s < t.sentAt || s > t.receivedAt;
  });
  if (outside.length > 0) throw new Error(`${outside.length} submitted_at outside their request window`);
  const [audits] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from audit_log where action = 'assessment.submit'`),
  );
  if (Number(audits?.n) !== UNITS) throw new Error(`${audits?.n} audit entries for ${UNITS} submissions`);

  // The DX office's progress page over the 4,000 units, once everything is in.
  const office = await accountWithSession(database, 'vanphong', 'dx_office', ids.get('B')!, true);
  const p0 = performance.now();
  const progress = await fetch(`${server.base}/api/v1/campaigns/${campaign.campaignId}/progress`, {
    headers: { cookie: office.cookie },
  });
  const progressBody = (await progress.json()) as { summary: { submitted: number } };
  const progressMs = performance.now() - p0;
  if (progressBody.summary.submitted !== UNITS)
    throw new Error(`progress page shows ${progressBody.summary.submitted} submitted`);

  // Baseline: the bare status change on another campaign's assessments.
  const other = await openBenchCampaign(database, SMALL_SET, 'Đo tải — đối chứng');
  const bare = Fastify({ logger: false }) as unknown as App;
  bare.post('/bare/:id', async (request) => {
    await db.execute(
      sql`update assessments set status = 'submitted', submitted_at = now() where id = ${(request.params as { id: string }).id} and status = 'draft'`,
    );
    return { ok: true };
  });
  const bareServer = await listen(bare);
  pgCpu?.restart();
  const bareCpu0 = mainThreadCpuMs();
  const baseRun = await runLoad<Run>({
    mode: 'plain',
    concurrency: CONCURRENCY,
    requests: other.assessments.map((a) => ({ url: `${bareServer.base}/bare/${a.id}`, method: 'POST', headers: {} })),
  } satisfies PlainJob);
  const bareCpu = cpuSince(bareCpu0);
  const barePgMs = pgCpu ? pgCpu.ms() : null;
  const base = bareServer.serverMs.get('POST /bare/:id') ?? [];
  const client = run.timed.map((t) => t.ms);
  const baseClient = baseRun.timed.map((t) => t.ms);

  report({
    name: `submit ${UNITS} units, ${CONCURRENCY} at a time (total)`,
    db: kind,
    meanMs: run.wallMs,
    p95Ms: run.wallMs,
    baselineName: `bare UPDATE route, ${UNITS} requests (total)`,
    baselineMeanMs: baseRun.wallMs,
    targetMs: 60_000,
    note: `all ${UNITS} recorded, each submitted_at inside its request window; ${Math.round((UNITS / run.wallMs) * 1000)}/s; creating + opening the ${UNITS}-unit campaign ${Math.round(openMs)} ms; progress page over ${UNITS} units ${Math.round(progressMs)} ms`,
  });
  report({
    name: `submit, ${CONCURRENCY} concurrent (round trip per request)`,
    db: kind,
    meanMs: mean(client),
    p95Ms: percentile(client, 0.95),
    baselineName: 'bare UPDATE route (round trip)',
    baselineMeanMs: mean(baseClient),
    note:
      `round trip p50 ${percentile(client, 0.5).toFixed(1)} ms, baseline p50 ${percentile(baseClient, 0.5).toFixed(1)} p95 ${percentile(baseClient, 0.95).toFixed(1)} ms; ` +
      `server time (reply.elapsedTime, counts the pool wait of the app only) mean ${mean(times).toFixed(2)} p95 ${percentile(times, 0.95).toFixed(2)} ms, ` +
      `baseline ${mean(base).toFixed(2)} p95 ${percentile(base, 0.95).toFixed(2)} ms; ` +
      `CPU ms per request: Node main thread ${perRequest(cpu, UNITS)} (baseline ${perRequest(bareCpu, UNITS)})` +
      (kind === 'postgres' ? `, PostgreSQL ${perRequest(pgMs, UNITS)} (baseline ${perRequest(barePgMs, UNITS)})` : ''),
  });
  await bareServer.close();
  await server.close();
  await database.close();
}

function cpuSince(start: number | null): number | null {
  const end = mainThreadCpuMs();
  return start === null || end === null ? null : end - start;
}
