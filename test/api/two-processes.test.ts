// Two app processes on one PostgreSQL (PostgreSQL pass only): a session made through process A works
// through process B (cookie and CSRF token live in the database), a wrong CSRF token is refused on B too,
// two saves of the same item from the same version through A and B give exactly one 200 and one 409, and
// jobs enqueued once are run exactly once although both processes run the job worker (SKIP LOCKED leases).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultTarget, createFaultTarget } from '../support/fault-target.ts';
import { type ServerProcess, login, startServerProcess } from '../support/server-process.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';

const onPostgres = process.env.THUOCDO_TEST_DB === 'postgres';
let target: FaultTarget;
let a: ServerProcess | undefined;
let b: ServerProcess | undefined;
let sink: SmtpSink;

describe.skipIf(!onPostgres)(
  'two app processes, one PostgreSQL (PostgreSQL pass only: needs TEST_DATABASE_URL)',
  () => {
    beforeAll(async () => {
      target = await createFaultTarget('two');
      sink = await startSmtpSink();
      const env = {
        ...target.env,
        JOB_WORKER: 'true',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(sink.port),
        SMTP_FROM: 'thuocdo@127.0.0.1',
      };
      [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    }, 180_000);
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await sink?.close();
      await target?.dispose();
    });

    it('a session made through A works through B, with its CSRF token; a wrong token is refused on B', async () => {
      const viaA = await login(a!.url, 'camb.nhaplieu', 'demo1234');
      const me = await viaA.request('GET', '/api/v1/auth/me', undefined, b!.url);
      expect(me.status).toBe(200);
      expect((me.json() as { user: { username: string } }).user.username).toBe('camb.nhaplieu');
      const forged = await fetch(`${b!.url}/api/v1/auth/logout`, {
        method: 'POST',
        headers: { cookie: viaA.cookie, 'x-csrf-token': 'sai' },
      });
      expect(forged.status).toBe(403);
    });

    it('concurrent saves of one item through A and B from the same version: one 200, one 409', async () => {
      const [row] = await target.query<{ id: string }>(
        `select a.id from assessments a join org_units u on u.id = a.unit_id join campaigns c on c.id = a.campaign_id
       where u.code = 'HT.X.CAMBINH' and c.status = 'open' limit 1`,
      );
      const rep = await login(a!.url, 'camb.nhaplieu', 'demo1234');
      const items = (
        (await rep.request('GET', `/api/v1/assessments/${row!.id}`)).json() as {
          items: { code: string; inputs: Record<string, unknown>; selfScore: number | null; version: number }[];
        }
      ).items;
      const item = items.find((i) => Object.keys(i.inputs).length > 0)!;
      const body = (who: string) => ({
        inputs: item.inputs,
        selfScore: item.selfScore,
        explanation: `lưu qua ${who}`,
        version: item.version,
      });
      const results = await Promise.all([
        rep.request('PUT', `/api/v1/assessments/${row!.id}/items/${item.code}`, body('A'), a!.url),
        rep.request('PUT', `/api/v1/assessments/${row!.id}/items/${item.code}`, body('B'), b!.url),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const [saved] = await target.query<{ version: number }>(
        `select version from assessment_items where assessment_id = '${row!.id}' and code = '${item.code}'`,
      );
      expect(saved!.version).toBe(item.version + 1);
    });

    it('jobs enqueued once run exactly once with both workers polling', async () => {
      const n = 20;
      const values = Array.from(
        { length: n },
        (_, i) =>
          `('email.send', '${JSON.stringify({ to: `nguoi${i}@127.0.0.1`, subject: `Nhắc hạn ${i}`, text: 'x' })}'::jsonb)`,
      ).join(',');
      await target.query(`insert into jobs (kind, payload) values ${values}`);
      const until = Date.now() + 60_000;
      let done = 0;
      while (Date.now() < until) {
        done = Number(
          (
            await target.query<{ n: number }>(
              `select count(*)::int as n from jobs where kind = 'email.send' and done_at is not null`,
            )
          )[0]!.n,
        );
        if (done === n) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(done).toBe(n);
      const attempts = await target.query<{ attempts: number }>(`select attempts from jobs where kind = 'email.send'`);
      expect(attempts.every((j) => j.attempts === 1)).toBe(true);
      const subjects = sink.messages
        .map((m) => m.subject)
        .filter((s) => s.startsWith('Nhắc hạn'))
        .sort();
      expect(subjects).toHaveLength(n);
      expect(new Set(subjects).size).toBe(n);
    }, 90_000);
  },
);
