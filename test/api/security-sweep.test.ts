// Security sweep over EVERY route of the OpenAPI document (/api/docs/json), with ids of real objects
// (the fixture province, an open campaign, C1's assessment and evidence): no session → 401 (public routes
// excepted), a session of another unit → never 200 with C1's data, no CSRF token on a state change → 403,
// SQL metacharacters, XSS payloads and a NUL character in every string of bodies and query strings → never
// 500 (and stored verbatim where stored; NUL refused with 400), > 2 MB JSON → 413, deeply nested JSON → no
// crash, path traversal in file names, login brute force → 429.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CampaignIds, SYSTEM_CLOCK_DEADLINE, createOpenCampaign } from '../support/campaign-fixture.ts';
import { pdf } from '../support/sample-files.ts';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';

const PUBLIC = [
  /^\/api\/v1\/auth\/login$/,
  /^\/api\/public\//,
  /^\/api\/v1\/signing-keys$/,
  /^\/healthz$/,
  /^\/api\/v1\/server-now$/,
];
const SQL = `'; drop table users; -- " OR 1=1 /*`;
const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>`;
const NUL = 'NUL \u0000 inside';
type Op = {
  path: string;
  method: string;
  spec: {
    requestBody?: { content?: Record<string, { schema?: Schema }> };
    parameters?: { in: string; name: string; schema?: Schema }[];
  };
};
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  format?: string;
  minimum?: number;
};

/** A body shaped by the schema, with `text` in every free string field (formats and enums kept valid). */
function sample(s: Schema | undefined, text: string, depth = 0): unknown {
  if (!s || depth > 6) return text;
  if (s.enum) return s.enum[0];
  if (s.anyOf) return sample(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0], text, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'object' || s.properties)
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v, text, depth + 1)]));
  if (type === 'array') return [sample(s.items, text, depth + 1)];
  if (type === 'integer' || type === 'number') return s.minimum ?? 0;
  if (type === 'boolean') return false;
  if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (s.format === 'date') return '2026-11-01';
  if (s.format === 'date-time') return '2026-11-01T00:00:00Z';
  return text;
}

describe('security sweep over every documented route', () => {
  let t: TestApp;
  let ids: CampaignIds;
  let ops: Op[];
  let admin: Client;
  let foreign: Client;
  let evidenceId: string;
  const fill = (path: string) =>
    path
      .replace(/\/campaigns\/\{id\}/, `/campaigns/${ids.campaignId}`)
      .replace(/\/assessments\/\{id\}/, `/assessments/${ids.assessments.C1}`)
      .replace(/\/org-units\/\{id\}/, `/org-units/${t.unit('C1')}`)
      .replace(/\/users\/\{id\}/, `/users/${t.user('rep_c1')}`)
      .replace(/\/evidence\/\{id\}/, `/evidence/${evidenceId}`)
      .replace(/\{unitId\}/, t.unit('C1'))
      .replace(/\{groupId\}/, ids.groupId)
      .replace(/\{campaignId\}/, ids.campaignId)
      .replace(/\{code\}/, '1.1')
      .replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000001');
  const send = (method: string, url: string, c: Client | null, o: { csrf?: boolean; body?: unknown } = {}) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: { ...(c ? { cookie: c.cookie } : {}), ...(c && o.csrf !== false ? { 'x-csrf-token': c.csrf } : {}) },
      ...(o.body === undefined ? {} : { payload: o.body as object }),
    });

  beforeAll(async () => {
    t = await createTestApp();
    ids = await createOpenCampaign(t, { deadline: SYSTEM_CLOCK_DEADLINE });
    admin = await t.as('admin');
    foreign = await t.as('rep_c3');
    const up = await (
      await t.as('rep_c1')
    ).upload(`/api/v1/units/${t.unit('C1')}/evidence`, '../../../etc/passwd.pdf', pdf(), 'application/pdf');
    expect(up.statusCode).toBe(201);
    evidenceId = up.json().id;
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, Op['spec']>>;
    };
    ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map(([m, spec]) => ({ path, method: m.toUpperCase(), spec })),
    );
  }, 120_000);
  afterAll(() => t?.close());

  it('documents a real surface', () => expect(ops.length).toBeGreaterThan(50));

  it('no session → 401 everywhere except the public routes', async () => {
    const findings: string[] = [];
    for (const op of ops) {
      const res = await send(op.method, fill(op.path), null, {
        body: op.method === 'GET' || op.method === 'DELETE' ? undefined : {},
      });
      if (PUBLIC.some((p) => p.test(op.path))) continue;
      if (res.statusCode !== 401) findings.push(`${op.method} ${op.path} → ${res.statusCode}`);
    }
    expect(findings).toEqual([]);
  });

  it("a session of another unit never reads C1's objects", async () => {
    const findings: string[] = [];
    for (const op of ops.filter(
      (o) => o.method === 'GET' && /\/(assessments|evidence)\/\{id\}|\/units\/\{unitId\}/.test(o.path),
    )) {
      const res = await send('GET', fill(op.path), foreign);
      if (res.statusCode === 200) findings.push(`GET ${op.path} → 200 for rep_c3`);
      expect(res.statusCode).toBeLessThan(500);
    }
    expect(findings).toEqual([]);
  });

  it('a state change without the CSRF token → 403', async () => {
    const findings: string[] = [];
    for (const op of ops.filter((o) => o.method !== 'GET' && !PUBLIC.some((p) => p.test(o.path)))) {
      const res = await send(op.method, fill(op.path), admin, {
        csrf: false,
        body: op.method === 'DELETE' ? undefined : {},
      });
      if (res.statusCode !== 403) findings.push(`${op.method} ${op.path} → ${res.statusCode}`);
    }
    expect(findings).toEqual([]);
  });

  it('SQL metacharacters, XSS payloads and NUL in every body and query string: never a 500', async () => {
    const findings: string[] = [];
    for (const payload of [SQL, XSS, NUL]) {
      for (const op of ops) {
        if (/logout|\/auth\/password|\/publish|\/transitions|\/submit|delete/i.test(op.path) || op.method === 'DELETE')
          continue; // would end the session or the fixture
        const json = op.spec.requestBody?.content?.['application/json']?.schema;
        const query = (op.spec.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema, payload)))}`)
          .join('&');
        const url = fill(op.path) + (query ? `?${query}` : '');
        const res = await send(op.method, url, admin, {
          body: op.method === 'GET' ? undefined : json ? sample(json, payload) : undefined,
        });
        if (res.statusCode >= 500)
          findings.push(`${op.method} ${op.path} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(findings).toEqual([]);
  }, 120_000);

  it('stores payloads verbatim where it stores them', async () => {
    const rep = await t.as('rep_c1');
    const saved = await rep.put(`/api/v1/assessments/${ids.assessments.C1}/items/1.1`, {
      inputs: {},
      selfScore: 1,
      explanation: `${SQL} ${XSS}`,
      version: 0,
    });
    expect(saved.statusCode).toBe(200);
    const item = (await rep.get(`/api/v1/assessments/${ids.assessments.C1}`)).json() as {
      items?: { code: string; explanation: string }[];
    };
    expect(JSON.stringify(item)).toContain(JSON.stringify(`${SQL} ${XSS}`).slice(1, -1));
    const unit = await admin.patch(`/api/v1/org-units/${t.unit('C3')}`, { name: `Xã ${XSS}`, version: 1 });
    expect([200, 409]).toContain(unit.statusCode);
    if (unit.statusCode === 200) expect(unit.json().name).toBe(`Xã ${XSS}`);
  });

  it('> 2 MB of JSON → 413; deeply nested JSON → a clean 4xx', async () => {
    const rep = await t.as('rep_c1');
    const big = await rep.put(`/api/v1/assessments/${ids.assessments.C1}/items/1.2`, {
      inputs: {},
      explanation: 'x'.repeat(2.2 * 1024 * 1024),
      version: 0,
    });
    expect(big.statusCode).toBe(413);
    const nested = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/assessments/${ids.assessments.C1}/items/1.2`,
      headers: { cookie: rep.cookie, 'x-csrf-token': rep.csrf, 'content-type': 'application/json' },
      payload: nested,
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('path traversal in file names: stored as a plain name, never a path', async () => {
    const rep = await t.as('rep_c1');
    const dl = await rep.get(`/api/v1/evidence/${evidenceId}/download`);
    expect(dl.statusCode).toBe(200);
    expect(String(dl.headers['content-disposition'])).not.toMatch(/\.\.\/|\.\.%2F|\//i);
    for (const bad of ['..%2F..%2Fetc%2Fpasswd', '..', '%2e%2e'])
      expect((await rep.get(`/api/v1/evidence/${bad}/download`)).statusCode).toBeLessThan(500);
  });

  it('login brute force → 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 15; i++)
      codes.push(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username: 'rep_c3', password: `sai-${i}` },
          })
        ).statusCode,
      );
    expect(codes).toContain(429);
    expect(codes.every((c) => c === 401 || c === 429)).toBe(true);
  }, 60_000);
});
