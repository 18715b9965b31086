// Shared setup of the campaign benchmarks: a province with N communes, one open campaign on an index set,
// one account per commune (or one leader over all), sessions created directly (argon2 logins would
// dominate the setup), and the real app listening on 127.0.0.1 with server time recorded per route.
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import type { FrameworkDefinition } from '../../src/core/framework/index.ts';
import type { Role } from '../../src/core/policy/index.ts';
import type { Database } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { createSession } from '../../src/db/queries/sessions.ts';
import { seedUnits } from '../../src/seed/seed-units.ts';
import { roleAssignments, users } from '../../src/db/schema/accounts.ts';
import { assessments } from '../../src/db/schema/campaigns.ts';
import { orgUnits } from '../../src/db/schema/org.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/infra/config.ts';
import type { App } from '../../src/server/http/route-types.ts';
import { createCampaign } from '../../src/app/campaigns/create-campaign.ts';
import { transitionCampaign } from '../../src/app/campaigns/transition-campaign.ts';
import { createFramework } from '../../src/app/frameworks/create-framework.ts';
import { publishFramework } from '../../src/app/frameworks/publish-framework.ts';

const TRUSTED = {
  actor: {
    userId: '',
    grants: [{ role: 'system_admin' as Role, unitId: '', subtree: true }],
    grantPaths: new Map<string, string>(),
  },
  audit: { id: null, name: 'bench' },
  userId: '',
};

export interface BenchCampaign {
  campaignId: string;
  frameworkId: string;
  /** Assessment id and unit code, in unit order. */
  assessments: { id: string; unitId: string; code: string }[];
}

export async function seedProvince(database: Database, communes: number): Promise<Map<string, string>> {
  const units = [{ code: 'B', name: 'Tỉnh Đo Lường', type: 'province' as const, parentCode: null }];
  for (let i = 1; i <= communes; i++)
    units.push({ code: `B.X.${i}`, name: `Xã Thử Tải ${i}`, type: 'commune' as never, parentCode: 'B' as never });
  return database.db.transaction((tx) =>
    seedUnits(tx, { id: null, name: 'bench' }, units, [
      { code: 'B.G.XA', name: 'UBND cấp xã', unitCodes: units.slice(1).map((u) => u.code) },
    ]),
  );
}

/** Publishes the set and opens a campaign on every commune (deadline far ahead unless given). */
export async function openBenchCampaign(
  database: Database,
  definition: FrameworkDefinition,
  name: string,
  deadline = '2099-12-31',
): Promise<BenchCampaign> {
  const db = database.db;
  const fw = await createFramework(db, {
    who: { ...TRUSTED, userId: null },
    definition: { ...definition, code: `${definition.code}-${Math.random().toString(36).slice(2, 8)}` },
  });
  await publishFramework(db, { who: { ...TRUSTED, userId: null }, id: fw.id, now: new Date() });
  const [province] = await db.select().from(orgUnits).where(eq(orgUnits.code, 'B'));
  const [group] = rowsOf<{ id: string }>(await db.execute(sql`select id from unit_groups where code = 'B.G.XA'`));
  const campaignId = await createCampaign(db, TRUSTED, {
    name,
    year: 2026,
    kind: 'annual',
    ownerUnitId: province!.id,
    rules: {
      bands: [{ code: 'a', label: 'A', minPercent: 0 }],
      lateSubmission: { toleranceDays: 5, penaltyPoints: 100, beyondTolerance: 'lowest_band' },
      nonSubmission: 'lowest_band',
      notApplicable: 'reduce_max',
      reportersMaySubmit: false,
      reminderDaysBefore: [],
    },
    groups: [
      {
        unitGroupId: group!.id,
        frameworkId: fw.id,
        reportingPeriod: { from: '2025-11-15', to: '2026-11-14' },
        deadlines: { selfAssessment: deadline },
        appraiser: 'council',
      },
    ],
  });
  await transitionCampaign(db, {
    who: TRUSTED,
    id: campaignId,
    input: { action: 'open', reason: 'Đo tải: kỳ đối chứng cùng năm' },
    now: new Date(),
  });
  const rows = await db
    .select({ id: assessments.id, unitId: assessments.unitId, code: orgUnits.code })
    .from(assessments)
    .innerJoin(orgUnits, eq(orgUnits.id, assessments.unitId))
    .where(eq(assessments.campaignId, campaignId));
  rows.sort((a, b) => Number(a.code.split('.').pop()) - Number(b.code.split('.').pop()));
  return { campaignId, frameworkId: fw.id, assessments: rows };
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** An account holding `role` on the unit (subtree when asked), with a ready session. */
export async function accountWithSession(
  database: Database,
  username: string,
  role: Role,
  unitId: string,
  subtree = false,
): Promise<Session> {
  const [u] = await database.db
    .insert(users)
    .values({ username, fullName: `Bench ${username}`, fullNameFolded: `bench ${username}`, passwordHash: 'x' })
    .returning();
  await database.db.insert(roleAssignments).values({ userId: u!.id, role, unitId, subtree });
  const s = await createSession(database.db, { userId: u!.id, ttlHours: 12 });
  return { cookie: `thuocdo_sid=${s.token}`, csrf: s.csrfToken };
}

export interface Listening {
  app: App;
  base: string;
  /** Server time (reply.elapsedTime, ms) of every request, by route URL pattern. */
  serverMs: Map<string, number[]>;
  close(): Promise<void>;
}

/** The real app on 127.0.0.1:0, timing each request from onRequest to the response (server time). */
export async function listenApp(database: Database): Promise<Listening> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const app = await buildApp({ db: database.db, database, config, webDir: '/nonexistent' });
  return listen(app);
}

export async function listen(app: App): Promise<Listening> {
  const serverMs = new Map<string, number[]>();
  app.addHook('onResponse', async (request, reply) => {
    const key = `${request.method} ${request.routeOptions.url ?? request.url}`;
    let list = serverMs.get(key);
    if (!list) serverMs.set(key, (list = []));
    list.push(reply.elapsedTime);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}`, serverMs, close: () => app.close() };
}

/**
 * CPU time (ms) used so far by the main thread, where the in-process servers run (the load generator is a
 * worker thread): utime + stime from /proc in CLK_TCK ticks (lib/proc-cpu.ts). Linux only; null elsewhere.
 */
export { mainThreadCpuMs } from './proc-cpu.ts';

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] ?? 0;
}

export const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

/** Runs `total` tasks with at most `concurrency` in flight. */
export async function pool(
  concurrency: number,
  total: number,
  task: (i: number, worker: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < total) await task(next++, worker);
    }),
  );
}

// Shapes of the jobs http-load.worker.mjs runs.
export interface ItemSaveJob {
  mode: 'item-save';
  /** `${base}/api/v1/assessments/${id}/items/${code}`, or a bare route with `{id}` and `{code}` in it. */
  urlTemplate: string;
  clients: { assessmentId: string; cookie?: string; csrf?: string }[];
  /** Body of the n-th save (version added here); cycled. */
  entries: { code: string; body: Record<string, unknown> }[];
  perClient: number;
  versioned: boolean;
  /** Pause of each client between saves (ms, ±50 % jitter; each client starts within one pause); absent → back to back. */
  pauseMs?: number;
  /** Versions reached by a previous run (assessment id → code → version). */
  initialVersions?: Record<string, Record<string, number>>;
}

export interface PlainJob {
  mode: 'plain';
  concurrency: number;
  requests: { url: string; method: string; headers: Record<string, string>; body?: string }[];
}

export interface Timed {
  index: number;
  status: number;
  sentAt: number;
  receivedAt: number;
  ms: number;
}

/** Runs a load job in a worker thread (see http-load.worker.mjs) and returns its result. */
export async function runLoad<T>(job: unknown): Promise<T> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(new URL('./http-load.worker.mjs', import.meta.url), { workerData: job });
  return new Promise<T>((resolve, reject) => {
    worker.once('message', (m: T) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
