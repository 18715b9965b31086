// The `thuocdo` command as an operator uses it, on a real embedded data directory: production never seeds
// demo accounts, the first administrator comes from `admin create`, `audit verify` finds a tampered row
// and, against a signed `audit checkpoint`, a deleted tail, a wrong configuration value stops with one
// line naming it, and SIGTERM shuts down cleanly.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.ts';

const dirs: string[] = [];
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-cli-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function thuocdo(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['bin/thuocdo.mjs', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

async function query<T>(dir: string, sql: string): Promise<T[]> {
  const database = await openPglite({ dir });
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return ((await (database.db as any).$client.query(sql)) as { rows: T[] }).rows;
  } finally {
    await database.close();
  }
}

// Embedded-database behaviour only: the PostgreSQL pass of the API project skips it.
describe.skipIf(process.env.THUOCDO_TEST_DB === 'postgres')('thuocdo CLI', { timeout: 120_000 }, () => {
  it('in production: migrate seeds nothing, admin create makes the first administrator, seed --demo is refused', async () => {
    const dir = tempDir();
    const env = { THUOCDO_DATA_DIR: dir, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) };
    expect(thuocdo(['migrate'], env).status).toBe(0);
    const created = thuocdo(
      [
        'admin',
        'create',
        '--username',
        'quantri',
        '--password',
        'Matkhau2026',
        '--root-code',
        'HN',
        '--root-name',
        'Thành phố Hà Nội',
      ],
      env,
    );
    expect(created.status, created.stderr).toBe(0);
    const demo = thuocdo(['seed', '--demo'], env);
    expect(demo.status).not.toBe(0);
    expect(demo.stderr).toContain('NODE_ENV=production');
    const users = await query<{ username: string }>(dir, 'select username from users');
    expect(users.map((u) => u.username)).toEqual(['quantri']);
    const roles = await query<{ role: string; code: string }>(
      dir,
      'select r.role, u.code from role_assignments r join org_units u on u.id = r.unit_id',
    );
    expect(roles).toEqual([{ role: 'system_admin', code: 'HN' }]);
  });

  it('a wrong configuration value stops with one clear line naming the variable', () => {
    const res = thuocdo(['migrate'], { THUOCDO_DATA_DIR: tempDir(), PORT: 'abc' });
    expect(res.status).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain('PORT');
    const prod = thuocdo(['migrate'], { THUOCDO_DATA_DIR: tempDir(), NODE_ENV: 'production', SESSION_SECRET: '' });
    expect(prod.stderr).toMatch(/SESSION_SECRET/);
  });

  it('audit verify passes on an intact chain and names the first altered entry', async () => {
    const dir = tempDir();
    const env = { THUOCDO_DATA_DIR: dir };
    // A few audited changes are enough: two administrators (each: the account, the root unit or the role).
    expect(thuocdo(['admin', 'create', '--username', 'quantri1', '--password', 'Matkhau2026'], env).status).toBe(0);
    expect(thuocdo(['admin', 'create', '--username', 'quantri2', '--password', 'Matkhau2026'], env).status).toBe(0);
    const ok = thuocdo(['audit', 'verify'], env);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/toàn vẹn/);
    const [row] = await query<{ id: number }>(dir, 'select id from audit_log order by id offset 1 limit 1');
    await query(dir, `update audit_log set reason = 'sửa lén' where id = ${row!.id}`);
    const broken = thuocdo(['audit', 'verify'], env);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(`#${row!.id}`);
  });

  it('audit checkpoint anchors every chain: audit verify then names a deleted tail that the links alone miss', async () => {
    const dir = tempDir();
    const env = { THUOCDO_DATA_DIR: dir };
    expect(thuocdo(['admin', 'create', '--username', 'quantri1', '--password', 'Matkhau2026'], env).status).toBe(0);
    const checkpoint = thuocdo(['audit', 'checkpoint'], env);
    expect(checkpoint.status, checkpoint.stderr).toBe(0);
    expect(checkpoint.stdout).toMatch(/Đã ghi điểm neo #1: \d+ bản ghi, \d+ chuỗi, SHA-256 [0-9a-f]{64}/);
    const [last] = await query<{ id: number; chain: string }>(
      dir,
      'select id, chain from audit_log order by id desc limit 1',
    );
    await query(dir, `delete from audit_log where id = ${last!.id}`);
    const broken = thuocdo(['audit', 'verify'], env);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('Nhật ký KHÔNG toàn vẹn');
    expect(broken.stderr).toContain(`chuỗi ${last!.chain}: mất 1 bản ghi cuối`);
  });

  it('a second process on the same embedded data directory is refused and the data stays intact', async () => {
    const dir = tempDir();
    expect(
      thuocdo(
        [
          'admin',
          'create',
          '--username',
          'quantri',
          '--password',
          'Matkhau2026',
          '--root-code',
          'HT',
          '--root-name',
          'Tỉnh Hà Tĩnh',
        ],
        { THUOCDO_DATA_DIR: dir },
      ).status,
    ).toBe(0);
    const holder = await openPglite({ dir });
    try {
      const second = thuocdo(['migrate'], { THUOCDO_DATA_DIR: dir });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('đang được tiến trình khác sử dụng');
    } finally {
      await holder.close();
    }
    const [count] = await query<{ n: number }>(dir, "select count(*)::int as n from org_units where code = 'HT'");
    expect(count!.n).toBe(1);
  });

  it('serves /healthz and exits cleanly on SIGTERM, releasing the lock', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['bin/thuocdo.mjs', 'serve'], {
      env: { ...process.env, THUOCDO_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(out)), 60_000);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = out.match(/running at: (http:\/\/\S+)/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dir, 'thuocdo.lock'))).toBe(false);
  });
});
