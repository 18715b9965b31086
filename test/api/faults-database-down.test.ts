// PostgreSQL unreachable in the middle of a run (PostgreSQL pass only): requests fail fast with 503
// DATABASE_UNAVAILABLE and a Vietnamese message — never hang —, /healthz answers 503 while it is down,
// and the same server process recovers by itself once the database is back. The outage is made with a
// TCP proxy (dropping every connection, refusing new ones), so other suites on the shared cluster are not
// disturbed; THUOCDO_FAULT_PG_RESTART=1 restarts the real local cluster instead (a machine of your own).
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultTarget, createFaultTarget } from '../support/fault-target.ts';
import { type HttpSession, type ServerProcess, login, startServerProcess } from '../support/server-process.ts';
import { type TcpProxy, startTcpProxy } from '../support/tcp-proxy.ts';

const onPostgres = process.env.THUOCDO_TEST_DB === 'postgres';
const realRestart = process.env.THUOCDO_FAULT_PG_RESTART === '1';
const CLUSTER = ['--skip-systemctl-redirect', '15', 'main'];
let target: FaultTarget;
let proxy: TcpProxy;
let server: ServerProcess | undefined;

describe.skipIf(!onPostgres)(
  'PostgreSQL goes away and comes back (PostgreSQL pass only: needs TEST_DATABASE_URL)',
  () => {
    beforeAll(async () => {
      target = await createFaultTarget('dbdown');
      const url = new URL(target.env.DATABASE_URL!);
      proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
      url.host = `127.0.0.1:${proxy.port}`;
      server = await startServerProcess({ ...target.env, DATABASE_URL: url.toString(), JOB_WORKER: 'false' });
    }, 180_000);
    afterAll(async () => {
      // Leave the machine's cluster running whatever happened ("start" fails harmlessly when it already runs).
      if (realRestart) spawnSync('pg_ctlcluster', [...CLUSTER, 'start'], { stdio: 'ignore' });
      await server?.stop();
      await proxy?.close();
      await target?.dispose();
    });

    it('answers 503 DATABASE_UNAVAILABLE fast while down, /healthz 503, and recovers by itself', async () => {
      const office: HttpSession = await login(server!.url, 'sotttt', 'demo1234');
      expect((await office.request('GET', '/api/v1/campaigns')).status).toBe(200);

      if (realRestart) execFileSync('pg_ctlcluster', [...CLUSTER, 'stop', '-m', 'fast'], { stdio: 'ignore' });
      else await proxy.down();
      try {
        for (const path of ['/api/v1/campaigns', '/api/v1/auth/me']) {
          const started = Date.now();
          const res = await office.request('GET', path);
          expect(Date.now() - started, `${path} fails fast`).toBeLessThan(10_000);
          expect(res.status, path).toBe(503);
          const body = res.json() as { error: { code: string; message: string } };
          expect(body.error.code).toBe('DATABASE_UNAVAILABLE');
          expect(body.error.message).toContain('Cơ sở dữ liệu tạm thời không truy cập được');
        }
        const health = await fetch(`${server!.url}/healthz`, { signal: AbortSignal.timeout(15_000) });
        expect(health.status).toBe(503);
      } finally {
        if (realRestart) execFileSync('pg_ctlcluster', [...CLUSTER, 'start'], { stdio: 'ignore' });
        else await proxy.up();
      }

      // Recovery without a restart of the app: the pool replaces its dead connections (bounded wait).
      const until = Date.now() + 30_000;
      let status = 0;
      while (Date.now() < until) {
        status = (await fetch(`${server!.url}/healthz`, { signal: AbortSignal.timeout(10_000) })).status;
        if (status === 200) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(status).toBe(200);
      expect((await office.request('GET', '/api/v1/campaigns')).status).toBe(200);
    }, 120_000);
  },
);
