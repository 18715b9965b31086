// Figure (issue 15 §3): a pull of one period of the 766 index for 4,000 units from a local source, end to
// end — POST /api/v1/data-sources/{id}/runs over loopback HTTP, then the job the worker runs: fetch (one
// POST answering all units, as the national portal's service-results API does), read, map, check, and
// supply 6 figures per unit (24,000) through the supplied-figures write path, audited — until the run is
// recorded. Target ≤ 10 s, server RSS growth ≤ 64 MB. Baseline, same run: fetching and parsing the same
// response alone (fetchSource + readRecords). Three periods, each with other values, so every pull
// rewrites every item.
// Run: npx tsx bench/pull-766.bench.ts   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import type { FrameworkDefinition } from '../src/core/framework/index.ts';
import { DEFAULT_RETRY, INDEX_766_GROUPS, readRecords } from '../src/core/data-sources/index.ts';
import { createJobHandlers } from '../src/app/jobs/handlers.ts';
import { createJobWorker } from '../src/app/jobs/worker.ts';
import { keySecrets } from '../src/app/publication/key-secret.ts';
import { rowsOf } from '../src/db/queries/assessments.ts';
import { dataSourceRuns } from '../src/db/schema/data-sources.ts';
import { orgUnits } from '../src/db/schema/org.ts';
import { buildApp } from '../src/server/app.ts';
import { fetchSource } from '../src/infra/data-sources/fetch-source.ts';
import { loadConfig } from '../src/infra/config.ts';
import { benchDbKinds, openBenchDatabase } from './lib/bench-db.ts';
import { accountWithSession, listen, mean, openBenchCampaign, percentile, seedProvince } from './lib/campaign-bench.ts';
import { report } from './lib/stats.ts';

const UNITS = Number(process.env.BENCH_UNITS ?? 4000);
const PERIODS = (process.env.BENCH_PERIODS ?? '2026-08,2026-09,2026-10').split(',');
const KEYS = ['CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'MDHL', 'MDSH'] as const;

const SET_766: FrameworkDefinition = {
  code: 'chi-so-766',
  name: 'Chỉ số phục vụ người dân, doanh nghiệp (766)',
  decision: { number: '766/QĐ-TTg', issuer: 'Thủ tướng Chính phủ' },
  appliesTo: { unitTypes: ['commune'] },
  illustrative: true,
  nodes: [
    {
      code: '1',
      title: 'Chỉ số 766',
      maxPoints: 100,
      children: INDEX_766_GROUPS.map((g, i) => ({
        code: `1.${i + 1}`,
        title: g.label,
        maxPoints: g.max,
        method: {
          kind: 'formula' as const,
          expression: 'diem',
          inputs: [{ name: 'diem', label: 'Điểm', type: 'number' as const }],
        },
      })),
    },
  ],
};

function response(period: number): string {
  const evaluation = [];
  for (let i = 1; i <= UNITS; i++) {
    const groupScores: Record<string, number> = {};
    INDEX_766_GROUPS.forEach(
      (g, k) => (groupScores[KEYS[k]!] = Math.round(((i * 7 + k * 3 + period) % 100) * g.max) / 100),
    );
    const total = Object.values(groupScores).reduce((a, b) => a + b, 0);
    evaluation.push({
      departmentId: `019d2be3-0000-7000-8000-${String(i).padStart(12, '0')}`,
      departmentName: `UBND xã Thử Tải ${i}`,
      departmentCode: `B.X.${i}`,
      totalScore: Math.round(total * 100) / 100,
      ratio: Math.round(total * 100) / 100,
      scoreDelta: 0,
      groupScores,
    });
  }
  return JSON.stringify({ code: 'OK', data: { overview: { departmentCode: 'B', totalMaxScore: 100 }, evaluation } });
}

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

for (const kind of benchDbKinds()) {
  const database = await openBenchDatabase(kind);
  const db = database.db;
  await seedProvince(database, UNITS);
  const campaign = await openBenchCampaign(database, SET_766, 'Kỳ đánh giá 766');
  const [province] = await db.select().from(orgUnits).where(eq(orgUnits.code, 'B'));
  const session = await accountWithSession(database, `dx-${kind}`, 'dx_office', province!.id, true);

  // The source: a local server answering the period asked in the POST body.
  const bodies = new Map(PERIODS.map((p) => [Number(p.slice(5)), response(Number(p.slice(5)))]));
  const source = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const month = JSON.parse(Buffer.concat(chunks).toString() || '{}').month as number;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(bodies.get(month) ?? '{}');
    });
  });
  await new Promise<void>((r) => source.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(source.address() as AddressInfo).port}/api/v1/reporting/evaluation/service-results`;

  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_SOURCE_ALLOW_LOOPBACK_HTTP: 'true',
    THUOCDO_DATA_DIR: 'bench/.tmp/data',
  };
  const config = loadConfig(env);
  const app = await listen(await buildApp({ db, database, config, webDir: '/nonexistent' }));
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${app.base}/api/v1${path}`, {
      method,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const created = await call('POST', '/data-sources', {
    ownerUnitId: province!.id,
    name: 'Chỉ số 766',
    owningSystem: 'Cổng Dịch vụ công quốc gia (máy chủ giả lập trên 127.0.0.1)',
    profile: '766',
    method: 'POST',
    urlTemplate: url,
    bodyTemplate: '{"timeType": {timeType}, "year": {year}, "month": {month}, "pageSize": 5000, "currentPage": 1}',
    recordsPath: 'data.evaluation',
    unitIdField: 'departmentCode',
    unitNameField: 'departmentName',
    matchByCode: true,
    fieldMapping: INDEX_766_GROUPS.map((g, i) => ({ field: g.field, itemCode: `1.${i + 1}`, input: 'diem' })),
    campaignId: campaign.campaignId,
  });
  const ctx = { db, config, clock: () => new Date(), keySecrets: keySecrets(config) };
  const worker = createJobWorker({ db, handlers: createJobHandlers(ctx), clock: ctx.clock });

  const limits = { timeoutMs: 60_000, maxBytes: 64 * 1024 * 1024, allowLoopbackHttp: true, retry: DEFAULT_RETRY };
  const baseline: number[] = [];
  const baselineOnce = async (month: number) => {
    const t0 = performance.now();
    const r = await fetchSource(
      { url, method: 'POST', body: JSON.stringify({ timeType: 'month', year: 2026, month }) },
      limits,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.reason));
    const recs = readRecords(r.text, 'json', 'data.evaluation');
    if (!recs.ok || recs.records.length !== UNITS) throw new Error('baseline parse');
    baseline.push(performance.now() - t0);
  };
  for (const p of PERIODS) await baselineOnce(Number(p.slice(5))); // warm-up and first samples

  const pulls: number[] = [];
  let rssGrowth = 0;
  let note = '';
  for (const period of PERIODS) {
    global.gc?.();
    const rss0 = rssMb();
    let peak = rss0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 20);
    const t0 = performance.now();
    const run = await call('POST', `/data-sources/${created.id as string}/runs`, { period });
    await worker.runOnce();
    const [row] = await db
      .select()
      .from(dataSourceRuns)
      .where(eq(dataSourceRuns.id, run.id as string));
    pulls.push(performance.now() - t0);
    clearInterval(sampler);
    peak = Math.max(peak, rssMb());
    rssGrowth = Math.max(rssGrowth, peak - rss0);
    if (row!.status !== 'ok')
      throw new Error(`run ${period}: ${row!.status} ${row!.reasonCode} ${JSON.stringify(row!.reasonParams)}`);
    note = `${period}: ${JSON.stringify(row!.counts)}, ${row!.responseBytes} bytes`;
    await baselineOnce(Number(period.slice(5)));
  }
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from supplied_figures where data_source_run_id is not null`),
  ) as [{ n: number }];
  report({
    name: `pull of one 766 period, ${UNITS} units × 6 groups, end to end (POST run → job → figures supplied)`,
    db: kind,
    meanMs: mean(pulls),
    p95Ms: percentile(pulls, 95),
    targetMs: 10_000,
    baselineName: 'fetch + parse the same response alone',
    baselineMeanMs: mean(baseline),
    note: `server RSS growth (peak during a pull) ${rssGrowth.toFixed(1)} MB (target ≤ 64 MB${kind === 'pglite' ? '; includes the embedded database, whose WASM memory grows and is never returned' : ''}); ${n} supplied figures; last run ${note}`,
  });
  await app.close();
  source.closeAllConnections();
  await new Promise<void>((r) => source.close(() => r()));
  await database.close();
}
