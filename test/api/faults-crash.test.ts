// kill -9 of a real server process in the middle of item saves and evidence uploads, then a restart on
// the same data: every save the client saw acknowledged (2xx) is there, each item is whole (its version
// counts exactly the saves that committed, and it carries the text of the last one), every acknowledged
// upload is recorded with its file, and the store holds no partial (tmp) or unrecorded file.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultTarget, createFaultTarget } from '../support/fault-target.ts';
import { type HttpSession, type ServerProcess, login, startServerProcess } from '../support/server-process.ts';
import { pdf } from '../support/sample-files.ts';

const LOAD_MS = 4000;
let target: FaultTarget;
let server: ServerProcess | undefined;

beforeAll(async () => {
  target = await createFaultTarget('crash');
}, 180_000);
afterAll(async () => {
  if (server) await server.kill9().catch(() => {});
  await target?.dispose();
});

interface ItemRow {
  code: string;
  inputs: Record<string, unknown>;
  selfScore: number | null;
  explanation: string;
  version: number;
}

function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('kill -9 under load, then restart', () => {
  it('keeps every acknowledged save whole and leaves no partial or orphan evidence file', async () => {
    const [a] = await target.query<{ id: string; unit_id: string }>(
      `select a.id, a.unit_id from assessments a join org_units u on u.id = a.unit_id join campaigns c on c.id = a.campaign_id
       where u.code = 'HT.X.CAMBINH' and c.status = 'open' limit 1`,
    );
    expect(a, 'the demo has an open assessment for Cẩm Bình').toBeDefined();
    server = await startServerProcess(target.env);
    const rep: HttpSession = await login(server.url, 'camb.nhaplieu', 'demo1234');
    const assessment = (await rep.request('GET', `/api/v1/assessments/${a!.id}`)).json() as { items: ItemRow[] };
    const items = assessment.items.filter((i) => Object.keys(i.inputs).length > 0).slice(0, 6);
    expect(items.length).toBeGreaterThan(2);
    const initial = new Map(items.map((i) => [i.code, i.version]));

    const ackedSaves = new Map<string, number>(); // code → index of the last acknowledged save
    const ackedUploads: string[] = [];
    const failures: string[] = [];
    let stop = false;
    const saveLoop = async (item: ItemRow) => {
      let version = item.version;
      for (let k = 1; !stop && k < 10_000; k++) {
        try {
          const res = await rep.request('PUT', `/api/v1/assessments/${a!.id}/items/${item.code}`, {
            inputs: item.inputs,
            selfScore: item.selfScore,
            explanation: `crash-test #${k}`,
            version,
          });
          if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
          version = (res.json() as ItemRow).version;
          ackedSaves.set(item.code, k);
        } catch {
          return; // the server is gone
        }
      }
    };
    const uploadLoop = async () => {
      for (let k = 0; !stop && k < 10_000; k++) {
        const content = Buffer.concat([pdf(`minh chứng ${randomBytes(8).toString('hex')}`), randomBytes(64 * 1024)]);
        try {
          const res = await rep.upload(`/api/v1/units/${a!.unit_id}/evidence`, `mc-${k}.pdf`, content);
          if (res.status !== 201) throw new Error(`${res.status} ${res.text}`);
          ackedUploads.push(createHash('sha256').update(content).digest('hex'));
        } catch (err) {
          failures.push(String(err));
          return;
        }
      }
    };
    const loops = [...items.map(saveLoop), uploadLoop(), uploadLoop(), uploadLoop()];
    // At least LOAD_MS of load, and (bounded) until some of each kind were acknowledged.
    const until = Date.now() + 30_000;
    await new Promise((r) => setTimeout(r, LOAD_MS));
    while ((ackedUploads.length < 2 || ackedSaves.size < 2) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100));
    await server.kill9();
    stop = true;
    await Promise.all(loops);
    const acked = [...ackedSaves.values()].reduce((n, k) => n + k, 0);
    expect(acked).toBeGreaterThan(0);
    expect(ackedUploads.length, failures.join('\n')).toBeGreaterThan(0);

    server = await startServerProcess(target.env);
    const deadline = Date.now() + 30_000;
    while (!server.output().includes('evidence store reconciled') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(server.output()).toContain('evidence store reconciled');
    const after = (
      await (await login(server.url, 'camb.nhaplieu', 'demo1234')).request('GET', `/api/v1/assessments/${a!.id}`)
    ).json() as { items: ItemRow[] };
    let present = 0;
    for (const item of items) {
      const now = after.items.find((i) => i.code === item.code)!;
      const committed = now.version - initial.get(item.code)!;
      const last = ackedSaves.get(item.code) ?? 0;
      // All or nothing: the version counts the committed saves and the text is the last one's.
      expect(committed, item.code).toBeGreaterThanOrEqual(last);
      expect(now.explanation, item.code).toBe(committed === 0 ? item.explanation : `crash-test #${committed}`);
      expect(now.inputs, item.code).toEqual(item.inputs);
      present += Math.min(committed, last);
    }
    await server.stop();
    server = undefined;

    const stored = new Set(
      (await target.query<{ sha256: string }>('select sha256 from stored_files')).map((r) => r.sha256),
    );
    for (const sha of ackedUploads) expect(stored.has(sha), `acknowledged upload ${sha}`).toBe(true);
    const root = path.join(target.dataDir, 'files');
    expect(filesUnder(path.join(root, 'tmp')), 'no partial upload left in tmp').toEqual([]);
    const onDisk = filesUnder(root).map((f) => path.basename(f));
    expect(
      onDisk.filter((s) => !stored.has(s)),
      'no unrecorded file',
    ).toEqual([]);
    for (const sha of stored) {
      const file = path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
      expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex'), sha).toBe(sha);
    }
    console.log(
      `crash test (${target.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}): ${acked} saves acknowledged, ${present} present; ${ackedUploads.length} uploads acknowledged, all present; ${stored.size} files, none orphan`,
    );
  }, 240_000);
});
