// Figure (issue 15 §3): a pull of one period of the 766 index for 4,000 units from a local source, end to
// end — POST /api/v1/data-sources/{id}/runs over loopback HTTP, then the job the worker runs: fetch page after
// page with the shipped 766 profile's body ("pageSize": 500, "currentPage": {page}; the local source slices
// its records by page as the national portal does), read, map, check, and supply 6 figures per unit (24,000)
// through the supplied-figures write path, audited — until the run is recorded. Target ≤ 10 s, server RSS
// growth ≤ 64 MB. Three periods, each with other values, so every pull rewrites every item.
//
// Baselines, same run:
// - time: fetching and parsing the same pages alone (fetchSource + readRecords);
// - memory, the database's share: the same rows — 24,000 item upserts, 24,000 supplied figures, 24,000 audit
//   entries, 4,000 run values — written by bare SQL in one transaction (generated in the database, so no
//   JS holds them) on a second database seeded alike, RSS growth measured the same way. What the pull grows
//   beyond that is the application's (JS) share.
//
// PGlite is opened as the product opens it: a data directory on disk (bench/.tmp), not in memory — an
// in-memory PGlite keeps every written page in the process (BENCH_PGLITE_MEMORY=1 measures that too).
// Run: node --expose-gc --import tsx bench/pull-766.bench.ts   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL)
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import type { FrameworkDefinition } from '../src/core/framework/index.ts';
import { DEFAULT_RETRY, INDEX_766_GROUPS, PROFILE_766, readRecords } from '../src/core/data-sources/index.ts';
import { createJobHandlers } from '../src/app/jobs/handlers.ts';
import { createJobWorker } from '../src/app/jobs/worker.ts';
import { keySecrets } from '../src/app/publication/key-secret.ts';
import { type Database, openPglite } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { rowsOf } from '../src/db/queries/assessments.ts';
import { users } from '../src/db/schema/accounts.ts';
import { dataSourceRuns, dataSources } from '../src/db/schema/data-sources.ts';
import { orgUnits } from '../src/db/schema/org.ts';
import { buildApp } from '../src/server/app.ts';
import { fetchSource } from '../src/infra/data-sources/fetch-source.ts';
import { loadConfig } from '../src/infra/config.ts';
import { type BenchDbKind, benchDbKinds, openBenchDatabase } from './lib/bench-db.ts';
import { accountWithSession, listen, mean, openBenchCampaign, percentile, seedProvince } from './lib/campaign-bench.ts';
import { report } from './lib/stats.ts';

const UNITS = Number(process.env.BENCH_UNITS ?? 4000);
const PERIODS = (process.env.BENCH_PERIODS ?? '2026-08,2026-09,2026-10').split(',');
const PGLITE_IN_MEMORY = process.env.BENCH_PGLITE_MEMORY === '1';
const PART_MARK = 'PULL-766-PART ';
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

function records(period: number) {
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
  return evaluation;
}

/** The source's answer to one page, as bytes prepared before any measurement (the source is no server cost). */
function pages(period: number, pageSize: number): Buffer[] {
  const all = records(period);
  const out: Buffer[] = [];
  for (let p = 0; p * pageSize <= all.length; p++) {
    const evaluation = all.slice(p * pageSize, (p + 1) * pageSize);
    out.push(
      Buffer.from(
        JSON.stringify({
          code: 'OK',
          data: { overview: { departmentCode: 'B', totalMaxScore: 100, total: all.length }, evaluation },
        }),
      ),
    );
  }
  return out;
}

const MB = 1024 * 1024;
interface Memory {
  rss: number;
  heap: number;
  external: number;
}
const memoryNow = (): Memory => {
  const m = process.memoryUsage();
  return { rss: m.rss / MB, heap: m.heapUsed / MB, external: m.external / MB };
};

/** Peak growth of RSS (and, to tell the shares apart, of the JS heap and of external memory) while `fn` runs. */
async function measureGrowth<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; growth: Memory }> {
  global.gc?.();
  const m0 = memoryNow();
  const peak = { ...m0 };
  const sample = () => {
    const m = memoryNow();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heap);
    peak.external = Math.max(peak.external, m.external);
  };
  const sampler = setInterval(sample, 10);
  const t0 = performance.now();
  try {
    const value = await fn();
    const ms = performance.now() - t0;
    sample();
    return {
      value,
      ms,
      growth: { rss: peak.rss - m0.rss, heap: peak.heap - m0.heap, external: peak.external - m0.external },
    };
  } finally {
    clearInterval(sampler);
  }
}

const tmpDirs: string[] = [];
async function openDatabase(kind: BenchDbKind): Promise<Database> {
  if (kind === 'postgres' || PGLITE_IN_MEMORY) return openBenchDatabase(kind);
  const dir = `bench/.tmp/pull-766-${Math.random().toString(36).slice(2, 8)}`;
  tmpDirs.push(dir);
  const database = await openPglite({ dir });
  await migrateDatabase(database);
  return { ...database, close: async () => (await database.close(), rmSync(dir, { recursive: true, force: true })) };
}

async function seeded(kind: BenchDbKind) {
  const database = await openDatabase(kind);
  await seedProvince(database, UNITS);
  const campaign = await openBenchCampaign(database, SET_766, 'Kỳ đánh giá 766');
  const [province] = await database.db.select().from(orgUnits).where(eq(orgUnits.code, 'B'));
  const session = await accountWithSession(database, `dx-${kind}`, 'dx_office', province!.id, true);
  const [user] = await database.db
    .select()
    .from(users)
    .where(eq(users.username, `dx-${kind}`));
  return { database, campaign, province: province!, session, userId: user!.id };
}

/**
 * The database's share: the rows one pull writes, generated and written by bare SQL in one transaction —
 * the items (upserted, each a new version), the supplied figures, one audit entry per figure with the
 * same before/after shape and a chained-looking hash, and one raw record per unit.
 */
async function bareWrite(s: Awaited<ReturnType<typeof seeded>>, period: number, runId: string): Promise<void> {
  const { db } = s.database;
  const c = s.campaign.campaignId;
  const user = s.userId;
  await db.transaction(async (tx) => {
    await tx.execute(sql`create temporary table bare_values on commit drop as
      select a.id as assessment_id, a.unit_id, u.code as unit_code, g.k, '1.' || g.k as code,
        (((hashtext(a.id::text) & 65535) + g.k * 3 + ${period}) % 100) / 10.0 as v
      from assessments a join org_units u on u.id = a.unit_id cross join generate_series(1, 6) g(k)
      where a.campaign_id = ${c}`);
    await tx.execute(sql`insert into assessment_items (assessment_id, code, inputs, self_score, version, updated_by, updated_at)
      select assessment_id, code, jsonb_build_object('diem', v), v, 1, ${user}::uuid, now() from bare_values
      on conflict (assessment_id, code) do update set inputs = excluded.inputs, self_score = excluded.self_score,
        version = assessment_items.version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
    await tx.execute(sql`insert into supplied_figures (campaign_id, unit_id, code, inputs, source, supplied_by, supplied_at,
        data_source_run_id)
      select ${c}::uuid, unit_id, code, jsonb_build_object('diem', v), 'Chỉ số 766 — Tháng ' || ${period} || '/2026',
        ${user}::uuid, now(), ${runId}::uuid from bare_values order by unit_code, code`);
    await tx.execute(sql`insert into audit_log (at, actor_id, actor_name, action, object_type, object_id, unit_id,
        before, after, reason, chain, prev_hash, hash)
      select now(), ${user}::uuid, 'Bench dx', 'assessment.figure.supply', 'assessment', assessment_id::text, unit_id,
        jsonb_build_object('code', code, 'inputs', jsonb_build_object('diem', v - 1), 'selfScore', v - 1, 'version', 1),
        jsonb_build_object('code', code, 'source', 'Chỉ số 766 — Tháng ' || ${period} || '/2026',
          'dataSourceRunId', ${runId}::text, 'supplied', jsonb_build_object('diem', v), 'outcome', 'prefilled',
          'inputs', jsonb_build_object('diem', v), 'selfScore', v, 'version', 2),
        null, unit_id::text, encode(sha256(convert_to(unit_id::text || code || 'p', 'UTF8')), 'hex'),
        encode(sha256(convert_to(unit_id::text || code || ${period}::text, 'UTF8')), 'hex')
      from bare_values order by unit_code, code`);
    await tx.execute(sql`insert into data_source_values (run_id, source_unit_id, source_unit_name, unit_id, known, raw)
      select ${runId}::uuid, unit_code, 'UBND xã ' || unit_code, unit_id, true,
        jsonb_build_object('departmentId', gen_random_uuid()::text, 'departmentName', 'UBND xã ' || unit_code,
          'departmentCode', unit_code, 'totalScore', sum(v), 'ratio', sum(v), 'scoreDelta', 0,
          'groupScores', jsonb_object_agg(k::text, v))
      from bare_values group by unit_id, unit_code`);
  });
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const describe = (g: Memory) =>
  `RSS +${round1(g.rss)} MB (JS heap +${round1(g.heap)}, external +${round1(g.external)})`;

/** The database's share, on its own database: bare SQL writing what a pull writes, once per period. */
async function measureBare(kind: BenchDbKind): Promise<Measured[]> {
  const bare = await seeded(kind);
  const [bareSource] = await bare.database.db
    .insert(dataSources)
    .values({
      ownerUnitId: bare.province.id,
      name: 'Chỉ số 766',
      owningSystem: 'bench',
      profile: '766',
      urlTemplate: PROFILE_766.urlTemplate,
      unitIdField: 'departmentCode',
      createdBy: bare.userId,
    })
    .returning();
  const bareRuns: Measured[] = [];
  for (const period of PERIODS) {
    const [run] = await bare.database.db
      .insert(dataSourceRuns)
      .values({ sourceId: bareSource!.id, campaignId: bare.campaign.campaignId, period, trigger: 'manual' })
      .returning();
    bareRuns.push(await measureGrowth(() => bareWrite(bare, Number(period.slice(5)), run!.id)));
  }
  await bare.database.close();
  return bareRuns;
}

/** The pull, end to end, once per period; with the fetch + parse baseline. */
async function measurePull(kind: BenchDbKind): Promise<PullPart> {
  const { database, campaign, province, session } = await seeded(kind);
  const db = database.db;
  const pageSize = Number(/"pageSize":\s*(\d+)/.exec(PROFILE_766.bodyTemplate!)![1]);
  const answers = new Map(PERIODS.map((p) => [Number(p.slice(5)), pages(Number(p.slice(5)), pageSize)]));
  const source = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const asked = JSON.parse(Buffer.concat(chunks).toString() || '{}') as {
        month?: number;
        pageSize?: number;
        currentPage?: number;
      };
      const page = answers.get(asked.month ?? 0)?.[(asked.currentPage ?? 1) - 1];
      if (asked.pageSize !== pageSize || !page) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end('{"code":"BAD_REQUEST"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(page);
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
  // The shipped profile as a DX office takes it; only the address is the local source's.
  const created = await call('POST', '/data-sources', {
    ownerUnitId: province.id,
    name: 'Chỉ số 766',
    owningSystem: 'Cổng Dịch vụ công quốc gia (máy chủ giả lập trên 127.0.0.1)',
    profile: '766',
    method: PROFILE_766.method,
    urlTemplate: url,
    bodyTemplate: PROFILE_766.bodyTemplate,
    recordsPath: PROFILE_766.recordsPath,
    unitIdField: PROFILE_766.unitIdField,
    unitNameField: PROFILE_766.unitNameField,
    matchByCode: true,
    fieldMapping: INDEX_766_GROUPS.map((g, i) => ({ field: g.field, itemCode: `1.${i + 1}`, input: 'diem' })),
    campaignId: campaign.campaignId,
  });
  const ctx = { db, config, clock: () => new Date(), realClock: () => new Date(), keySecrets: keySecrets(config) };
  const worker = createJobWorker({ db, handlers: createJobHandlers(ctx), clock: ctx.clock });

  const limits = { timeoutMs: 60_000, maxBytes: 64 * MB, allowLoopbackHttp: true, retry: DEFAULT_RETRY };
  const baseline: number[] = [];
  const baselineOnce = async (month: number) => {
    const t0 = performance.now();
    let n = 0;
    for (let page = 1; ; page++) {
      const r = await fetchSource(
        {
          url,
          method: 'POST',
          body: JSON.stringify({ timeType: 'month', year: 2026, quarter: null, month, pageSize, currentPage: page }),
        },
        limits,
      );
      if (!r.ok) throw new Error(JSON.stringify(r.reason));
      const recs = readRecords(r.text, 'json', PROFILE_766.recordsPath);
      if (!recs.ok) throw new Error('baseline parse');
      n += recs.records.length;
      if (recs.records.length < pageSize) break;
    }
    if (n !== UNITS) throw new Error(`baseline read ${n} records`);
    baseline.push(performance.now() - t0);
  };
  for (const p of PERIODS) await baselineOnce(Number(p.slice(5))); // warm-up and first samples

  const pulls: Measured[] = [];
  let note = '';
  for (const period of PERIODS) {
    const measured = await measureGrowth(async () => {
      const run = await call('POST', `/data-sources/${created.id as string}/runs`, { period });
      await worker.runOnce();
      const [row] = await db
        .select()
        .from(dataSourceRuns)
        .where(eq(dataSourceRuns.id, run.id as string));
      return row!;
    });
    const row = measured.value;
    if (row.status !== 'ok')
      throw new Error(`run ${period}: ${row.status} ${row.reasonCode} ${JSON.stringify(row.reasonParams)}`);
    pulls.push({ ms: measured.ms, growth: measured.growth });
    note = `${period}: ${JSON.stringify(row.counts)}, ${row.responseBytes} bytes`;
    await baselineOnce(Number(period.slice(5)));
  }
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from supplied_figures where data_source_run_id is not null`),
  ) as [{ n: number }];
  await app.close();
  source.closeAllConnections();
  await new Promise<void>((r) => source.close(() => r()));
  await database.close();
  return { pulls, baseline, pageSize, note: `${n} supplied figures; last run ${note}` };
}

interface Measured {
  ms: number;
  growth: Memory;
}
interface PullPart {
  pulls: Measured[];
  baseline: number[];
  pageSize: number;
  note: string;
}

// Each part runs in a process of its own: memory a first database took and freed stays in the process (the
// allocator keeps it), and would hide the growth of the second.
const PART = process.env.BENCH_PULL_PART;
const KIND = process.env.BENCH_PULL_KIND as BenchDbKind | undefined;
if (PART && KIND) {
  const out = PART === 'bare' ? await measureBare(KIND) : await measurePull(KIND);
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${PART_MARK}${JSON.stringify(out)}\n`);
  process.exit(0);
}

function part<T>(name: 'bare' | 'pull', kind: BenchDbKind): T {
  // --expose-gc: each measurement starts from a collected heap (npm run bench does not pass it).
  const args = [...new Set([...process.execArgv, '--expose-gc'])];
  const r = spawnSync(process.execPath, [...args, fileURLToPath(import.meta.url)], {
    env: { ...process.env, BENCH_PULL_PART: name, BENCH_PULL_KIND: kind },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * MB,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith(PART_MARK));
  if (r.status !== 0 || !line) throw new Error(`${name} (${kind}) exited ${r.status}: ${r.stdout}`);
  return JSON.parse(line.slice(PART_MARK.length)) as T;
}

for (const kind of benchDbKinds()) {
  const store = kind === 'pglite' ? (PGLITE_IN_MEMORY ? ', in memory' : ', data directory on disk') : '';
  const bareRuns = part<Measured[]>('bare', kind);
  const { pulls, baseline, pageSize, note } = part<PullPart>('pull', kind);
  const maxBy = (xs: { growth: Memory }[]) => xs.reduce((a, b) => (b.growth.rss > a.growth.rss ? b : a)).growth;
  const pullMax = maxBy(pulls);
  const bareMax = maxBy(bareRuns);
  report({
    name: `pull of one 766 period, ${UNITS} units × 6 groups, paged as shipped (${pageSize} a page), end to end (POST run → job → figures supplied)`,
    db: kind,
    meanMs: mean(pulls.map((p) => p.ms)),
    p95Ms: percentile(
      pulls.map((p) => p.ms),
      0.95,
    ),
    targetMs: 10_000,
    baselineName: 'fetch + parse the same pages alone',
    baselineMeanMs: mean(baseline),
    note:
      `server RSS growth (peak during a pull, worst of ${pulls.length}${store}): ${describe(pullMax)}, target ≤ 64 MB; ` +
      `per pull ${pulls.map((p) => round1(p.growth.rss)).join(' / ')} MB. ` +
      `Database's share, same run: the same rows by bare SQL in one transaction, ${describe(bareMax)}, ` +
      `per period ${bareRuns.map((b) => round1(b.growth.rss)).join(' / ')} MB, ${Math.round(mean(bareRuns.map((b) => b.ms)))} ms mean. ` +
      note,
  });
}
