// A full disk under the database (issue 11, finding 13): the write is refused whole and the answer is
// 507 DISK_FULL with a clear Vietnamese message — not a 500 "internal error". Simulated with the error
// the database itself raises (SQLSTATE 53100 disk_full, from a trigger: the same error class PostgreSQL
// and PGlite raise when a file cannot be extended), and with the operating system's ENOSPC.
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { errorsPlugin } from '../../src/server/plugins/errors.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const MESSAGE = 'Máy chủ đã hết dung lượng lưu trữ nên thay đổi này CHƯA được lưu';

describe('a full disk', () => {
  it('the database refusing a write with disk_full (53100): 507 DISK_FULL, nothing saved, other requests still answered', async () => {
    await t.database.db.execute(
      sql.raw(`create function disk_full_probe() returns trigger language plpgsql as $$
      begin raise exception 'could not extend file "base/5/16384": No space left on device' using errcode = 'disk_full', hint = 'Check free disk space.'; end $$`),
    );
    await t.database.db.execute(
      sql.raw(
        'create trigger disk_full_probe before insert on org_units for each row execute function disk_full_probe()',
      ),
    );
    try {
      const admin = await t.as('admin');
      const res = await admin.post('/api/v1/org-units', {
        code: 'DAY',
        name: 'Thôn Đầy Đĩa',
        type: 'other',
        parentId: t.unit('C1'),
      });
      expect(res.statusCode).toBe(507);
      expect(res.json().error).toMatchObject({ code: 'DISK_FULL', message: expect.stringContaining(MESSAGE) });
      expect(rowsOf(await t.database.db.execute(sql`select id from org_units where code = 'DAY'`))).toEqual([]);
      expect((await t.anonymous.get('/healthz')).statusCode).toBe(200);
    } finally {
      await t.database.db.execute(sql.raw('drop trigger disk_full_probe on org_units'));
      await t.database.db.execute(sql.raw('drop function disk_full_probe()'));
    }
  });

  it('the operating system (ENOSPC) and a driver error that only says so in its message: 507 as well', async () => {
    const app = Fastify();
    await app.register(errorsPlugin);
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      errno: -28,
      syscall: 'write',
    });
    const wrapped = Object.assign(new Error('Failed query: insert into "audit_log" …'), {
      cause: new Error('could not write to file "pg_wal/xlogtemp.42": No space left on device'),
    });
    app.get('/enospc', async () => {
      throw enospc;
    });
    app.get('/wrapped', async () => {
      throw wrapped;
    });
    app.get('/other', async () => {
      throw new Error('something else');
    });
    for (const url of ['/enospc', '/wrapped']) {
      const res = await app.inject({ method: 'GET', url });
      expect([url, res.statusCode]).toEqual([url, 507]);
      expect(res.json().error.code).toBe('DISK_FULL');
    }
    expect((await app.inject({ method: 'GET', url: '/other' })).statusCode).toBe(500);
    await app.close();
  });
});
