// Figure (foundation issue): GET /api/v1/org-units, the full tree of 12,000 units, ≤ 150 ms server time on
// PostgreSQL, as admin (every row, with abilities). Server time is Fastify's reply.elapsedTime (request
// received → response finished), collected in onResponse, over loopback HTTP (fetch, body read), as the
// public-ranking figure measures it. Until 12/2026 it was the round trip of Fastify inject, which also
// counts the test client turning the ~4 MB answer into a string and the bench parsing it: that round trip
// stays in the note. Baseline: the bare SQL `select * from org_units` on the same database, in the same run.
// Run: npx tsx bench/org-tree.bench.ts   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL)
import { sql } from 'drizzle-orm';
import { hashPassword } from '../src/app/auth/passwords.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/infra/config.ts';
import { seedUnits } from '../src/seed/seed-units.ts';
import { roleAssignments, users } from '../src/db/schema/accounts.ts';
import type { SeedUnit } from '../src/seed/data/seed-types.ts';
import { benchDbKinds, openBenchDatabase } from './lib/bench-db.ts';

const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { meanMs: xs.reduce((s, x) => s + x, 0) / xs.length, p95Ms: sorted[Math.ceil(sorted.length * 0.95) - 1]! };
};
import { report, timeRuns } from './lib/stats.ts';

/** 1 province, 40 departments, 110 districts × 108 communes ≈ 12,000 units. */
export function nationalTree(total = 12_000): SeedUnit[] {
  const units: SeedUnit[] = [{ code: 'VN', name: 'Tỉnh Thử Nghiệm Quy Mô', type: 'province', parentCode: null }];
  for (let s = 1; s <= 40; s++)
    units.push({ code: `VN.S.${s}`, name: `Sở chuyên ngành số ${s}`, type: 'department', parentCode: 'VN' });
  const districts = 110;
  const perDistrict = Math.ceil((total - units.length - districts) / districts);
  for (let d = 1; d <= districts && units.length < total; d++) {
    units.push({ code: `VN.H.${d}`, name: `Huyện Đông Sơn ${d}`, type: 'district', parentCode: 'VN' });
    for (let c = 1; c <= perDistrict && units.length < total; c++) {
      units.push({
        code: `VN.H.${d}.X.${c}`,
        name: `Xã Hòa Bình Thượng ${d}-${c}`,
        type: 'commune',
        parentCode: `VN.H.${d}`,
      });
    }
  }
  return units;
}

for (const kind of benchDbKinds()) {
  const database = await openBenchDatabase(kind);
  const units = nationalTree();
  const ids = await database.db.transaction((tx) => seedUnits(tx, { id: null, name: 'bench' }, units));
  const [u] = await database.db
    .insert(users)
    .values({
      username: 'admin',
      fullName: 'Admin',
      fullNameFolded: 'admin',
      passwordHash: await hashPassword('Benchmark123'),
    })
    .returning();
  await database.db
    .insert(roleAssignments)
    .values({ userId: u!.id, role: 'system_admin', unitId: ids.get('VN')!, subtree: true });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const app = await buildApp({ db: database.db, database, config, webDir: '/nonexistent' });
  const serverTimes: number[] = [];
  app.addHook('onResponse', async (_req, reply) => {
    serverTimes.push(reply.elapsedTime);
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'admin', password: 'Benchmark123' },
  });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const first = await app.inject({ method: 'GET', url: '/api/v1/org-units', headers: { cookie } });
  if (first.statusCode !== 200 || first.json().items.length !== units.length)
    throw new Error(`unexpected ${first.statusCode}`);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const get = async () => {
    const res = await fetch(`${base}/api/v1/org-units`, { headers: { cookie, 'accept-encoding': 'identity' } });
    const body = await res.arrayBuffer();
    if (res.status !== 200 || body.byteLength !== first.rawPayload.length) throw new Error(`unexpected ${res.status}`);
  };
  await timeRuns(3, get);
  serverTimes.length = 0;
  const roundTrip = await timeRuns(20, get);
  const route = stats(serverTimes.splice(0));
  const inject = () => app.inject({ method: 'GET', url: '/api/v1/org-units', headers: { cookie } });
  await timeRuns(3, inject);
  const injected = await timeRuns(20, inject);
  await timeRuns(3, () => database.db.execute(sql`select * from org_units`));
  const bare = await timeRuns(20, () => database.db.execute(sql`select * from org_units`));
  report({
    name: `GET /org-units, ${units.length} units (server time)`,
    db: kind,
    meanMs: route.meanMs,
    p95Ms: route.p95Ms,
    baselineName: 'select * from org_units',
    baselineMeanMs: bare.meanMs,
    targetMs: 150,
    note: `${(first.rawPayload.length / 1e6).toFixed(1)} MB answer; HTTP round trip (body read) mean ${roundTrip.meanMs.toFixed(1)} ms; Fastify inject round trip (as measured before 12/2026) mean ${injected.meanMs.toFixed(1)} ms, p95 ${injected.p95Ms.toFixed(1)} ms`,
  });
  await app.close();
  await database.close();
}
