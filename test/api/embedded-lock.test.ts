// Two processes on one embedded data directory would corrupt it: the second refuses to start, with a
// Vietnamese message, and the first one's data stays intact.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

let dir: string;
let holder: Database | undefined;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-embedded-'));
});
afterAll(async () => {
  await holder?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function thuocdo(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    THUOCDO_DATA_DIR: dir,
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
  };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/thuocdo.mjs', ...args], { env, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const countProbe = async (db: Database) =>
  Number(
    (
      (await db.db.execute(sql`select count(*)::int as n from org_units where code = 'LOCK.PROBE'`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n,
  );

describe('embedded database lock', () => {
  it('a second process on the same data directory exits non-zero with a clear message; the data stays intact', async () => {
    holder = await openPglite({ dir });
    await migrateDatabase(holder);
    await holder.db.execute(
      sql`insert into org_units (code, name, name_folded, type, path) values ('LOCK.PROBE', 'Đơn vị thử khóa', 'don vi thu khoa', 'other', '/x/')`,
    );

    const second = await thuocdo('migrate');
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain('đang được tiến trình khác sử dụng');
    expect(second.stderr).toContain(String(process.pid));

    expect(await countProbe(holder)).toBe(1);
    await holder.close();
    holder = undefined;
    expect(fs.existsSync(path.join(dir, 'thuocdo.lock'))).toBe(false);
  }, 90_000);

  it('once the holder has stopped, the next process opens the same data and finds it intact', async () => {
    const migrate = await thuocdo('migrate');
    expect(migrate.code, migrate.stderr).toBe(0);
    holder = await openPglite({ dir });
    expect(await countProbe(holder)).toBe(1);
  }, 90_000);
});
