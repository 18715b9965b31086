// Figure (foundation issue): import of 3,321 communes from .xlsx ≤ 5 s end to end (upload, parse,
// validate every row, insert, audit), via POST /api/v1/org-units/import in-process.
// Baseline: exceljs merely loading the same workbook, in the same run. As in a running server, the
// import thread is started beforehand (a server starts it when it is ready).
// Run: npx tsx bench/org-import.bench.ts   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL)
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { hashPassword } from '../src/app/auth/passwords.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/infra/config.ts';
import { createParsePool } from '../src/server/imports/read-spreadsheet-upload.ts';
import { seedUnits } from '../src/seed/seed-units.ts';
import { roleAssignments, users } from '../src/db/schema/accounts.ts';
import { multipartBody } from '../test/support/test-app.ts';
import { benchDbKinds, openBenchDatabase } from './lib/bench-db.ts';
import { report, timeRuns } from './lib/stats.ts';

const COMMUNES = 3_321;
const PROVINCES = 34;

async function communesWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên']);
  for (let i = 1; i <= COMMUNES; i++)
    ws.addRow([
      `X${String(i).padStart(5, '0')}`,
      `Xã Thượng Hòa Bình ${i}`,
      i % 5 === 0 ? 'Phường' : 'Xã',
      `T${(i % PROVINCES) + 1}`,
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const file = await communesWorkbook();
for (const kind of benchDbKinds()) {
  const database = await openBenchDatabase(kind);
  const provinces = [
    { code: 'VN', name: 'Việt Nam', type: 'other' as const, parentCode: null },
    ...Array.from({ length: PROVINCES }, (_, i) => ({
      code: `T${i + 1}`,
      name: `Tỉnh ${i + 1}`,
      type: 'province' as const,
      parentCode: 'VN',
    })),
  ];
  const ids = await database.db.transaction((tx) => seedUnits(tx, { id: null, name: 'bench' }, provinces));
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
  const parsePool = createParsePool({ ...config, env: 'production' });
  await parsePool.run('table', Buffer.from('a\n'), config.imports.limits);
  const app = await buildApp({ db: database.db, database, config, webDir: '/nonexistent', parsePool });
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'admin', password: 'Benchmark123' },
  });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const mp = multipartBody('xa.xlsx', file);
  const t0 = performance.now();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/org-units/import',
    headers: { cookie, 'x-csrf-token': login.json().csrfToken, 'content-type': mp.contentType },
    payload: mp.payload,
  });
  const importMs = performance.now() - t0;
  if (res.statusCode !== 200 || res.json().created !== COMMUNES)
    throw new Error(`import failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
  const load = await timeRuns(3, async () => new ExcelJS.Workbook().xlsx.load(file as unknown as ArrayBuffer));
  report({
    name: `Import ${COMMUNES} communes from .xlsx (end to end)`,
    db: kind,
    meanMs: importMs,
    p95Ms: importMs,
    baselineName: 'exceljs load of the same file',
    baselineMeanMs: load.meanMs,
    targetMs: 5000,
  });
  await app.close();
  await parsePool.close();
  await database.close();
}
