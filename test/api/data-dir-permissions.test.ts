// The data directory is the owner's only (issue 11, finding 4): PGlite chmods every file it creates 0666
// whatever the umask, so another local account could read password hashes from the WAL or rewrite
// pg_control. Now: a directory group or others may write is refused at start with one clear line; one
// they may read is tightened; and every file of a fresh embedded database — after writes that add WAL
// segments — of the evidence store, of the key-encryption secret and of the lock has no group/other bit.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.ts';
import { DataDirInsecureError, prepareDataDir } from '../../src/db/data-dir.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { KEY_SECRET_FILE, keySecrets } from '../../src/app/publication/key-secret.ts';
import { LocalFileStore } from '../../src/infra/storage/local-file-store.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-modes-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const modeOf = (p: string) => fs.lstatSync(p).mode & 0o777;

/** Every path under `root` (itself included) whose mode lets group or others in, with its mode. */
function openToOthers(root: string): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    const st = fs.lstatSync(p);
    if ((st.mode & 0o077) !== 0) out.push(`${path.relative(root, p) || '.'} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
  };
  visit(root);
  return out;
}

function thuocdo(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    THUOCDO_DATA_DIR: dataDir,
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
  };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/thuocdo.mjs', ...args], { env, timeout: 90_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('the data directory at start', () => {
  it('a directory group or others may write is refused with one clear line, before anything is created in it', async () => {
    const dir = path.join(tmp, 'world-writable');
    fs.mkdirSync(dir);
    fs.chmodSync(dir, 0o777);
    const res = await thuocdo(dir, 'migrate');
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain(
      `Thư mục dữ liệu ${dir} cho phép nhóm hoặc người dùng khác ghi (quyền 0777): từ chối chạy`,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(() => prepareDataDir(dir)).toThrow(DataDirInsecureError);
  }, 90_000);

  it('a directory others may only read is tightened, with everything in it, and says what it changed', () => {
    const dir = path.join(tmp, 'readable');
    fs.mkdirSync(path.join(dir, 'files/ab'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'files/ab/old'), 'x');
    for (const [p, m] of [
      [dir, 0o755],
      [path.join(dir, 'files'), 0o755],
      [path.join(dir, 'files/ab'), 0o775],
      [path.join(dir, 'files/ab/old'), 0o644],
    ] as const)
      fs.chmodSync(p, m);
    const report = prepareDataDir(dir);
    expect(report.tightened.sort()).toEqual(['.', 'files', 'files/ab', 'files/ab/old']);
    expect(openToOthers(dir)).toEqual([]);
    expect(modeOf(path.join(dir, 'files/ab/old'))).toBe(0o600);
    expect(prepareDataDir(dir).tightened).toEqual([]);
  });
});

describe('a fresh embedded database and everything else in the data directory', () => {
  it('has no file or directory that group or others may read or write, even after the WAL grew', async () => {
    const dir = path.join(tmp, 'fresh');
    const database = await openPglite({ dir });
    try {
      await migrateDatabase(database);
      expect(modeOf(path.join(dir, 'thuocdo.lock'))).toBe(0o600);
      const wal = path.join(dir, 'pgdata/pg_wal');
      const walBefore = fs.readdirSync(wal).length;
      // ~48 MB of rows: new WAL segments and new relation files are created after the database opened.
      await database.db.execute(
        sql`create table mode_probe as select i, repeat(md5(i::text), 40) as t from generate_series(1, 36000) i`,
      );
      await database.db.execute(sql`create index on mode_probe (t)`);
      await database.db.execute(sql`checkpoint`);
      expect(fs.readdirSync(wal).length).toBeGreaterThan(walBefore);
      const store = new LocalFileStore({ root: path.join(dir, 'files') });
      await store.put(Readable.from([Buffer.from('minh chứng')]));
      keySecrets({ dataDir: dir, sessionSecret: undefined, env: 'development' });
      expect(modeOf(path.join(dir, KEY_SECRET_FILE))).toBe(0o600);
      expect(openToOthers(dir)).toEqual([]);
    } finally {
      await database.close();
    }
    expect(openToOthers(dir)).toEqual([]);
  }, 180_000);
});
