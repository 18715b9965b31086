// Deeply nested definitions (issue 11, finding 2): POST /frameworks/validate, create, update and the file
// import get a 4xx fast — 650, 700 and 5,000 levels, with right or wrong field types — and the server
// keeps answering; a tree deeper than 10 levels but within the JSON limit is refused by the tree bound;
// a legitimate definition still validates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../support/test-app.ts';

const META =
  '"code":"sau","name":"Bộ chỉ số sâu","decision":{"number":"1","issuer":"UBND"},"appliesTo":{"unitTypes":["commune"]}';

/** A definition whose one root nests `depth` levels, written as text (no recursion, any depth). */
function deepDefinition(depth: number, bad = false): string {
  const open = (d: number) =>
    bad
      ? `{"code":${d},"title":[${d}],"maxPoints":"nhiều","extra":true,"children":[`
      : `{"code":"${d}","title":"Cấp ${d}","maxPoints":1,"children":[`;
  let body = '';
  for (let d = 1; d < depth; d++) body += open(d);
  body += bad ? '{"code":0,"title":0,"maxPoints":"x"}' : `{"code":"${depth}","title":"Lá","maxPoints":1}`;
  body += ']}'.repeat(depth - 1);
  return `{${META},"nodes":[${body}]}`;
}

describe('deeply nested index-set definitions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 120_000);
  afterAll(() => t?.close());

  const post = async (username: string, method: 'POST' | 'PUT', url: string, payload: string) => {
    const c = await t.as(username);
    const t0 = performance.now();
    const res = await t.app.inject({
      method,
      url,
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
      payload,
    });
    return { res, ms: performance.now() - t0 };
  };

  it('650, 700 and 5,000 levels, right or wrong field types, from a commune reporter → 400 at once; /healthz answers', async () => {
    for (const depth of [650, 700, 5_000]) {
      for (const bad of [false, true]) {
        const body = `{"definition":${deepDefinition(depth, bad)}}`;
        if (depth === 650 && bad) expect(body.length).toBeLessThan(60_000); // the 33 KB body
        const { res, ms } = await post('rep_c1', 'POST', '/api/v1/frameworks/validate', body);
        expect(res.statusCode, `${depth} levels${bad ? ', wrong types' : ''}: ${res.body.slice(0, 200)}`).toBe(400);
        expect(res.json().error).toMatchObject({
          code: 'VALIDATION_FAILED',
          message: 'Dữ liệu JSON lồng nhau quá sâu (tối đa 64 cấp).',
        });
        expect(ms).toBeLessThan(1_000);
        const health = await t.app.inject({ method: 'GET', url: '/healthz' });
        expect(health.statusCode).toBe(200);
      }
    }
  });

  it('20 levels (within the JSON limit, past the tree limit) → 422 naming the limit on validate, create and update', async () => {
    const def = deepDefinition(20);
    const validate = await post('rep_c1', 'POST', '/api/v1/frameworks/validate', `{"definition":${def}}`);
    expect(validate.res.statusCode).toBe(422);
    expect(validate.res.json().error.message).toMatch(/lồng quá 10 cấp chỉ số/);
    const create = await post('admin', 'POST', '/api/v1/frameworks', `{"definition":${def}}`);
    expect(create.res.statusCode).toBe(422);
    expect(create.res.json().error.details.errors[0].message).toMatch(/lồng quá 10 cấp chỉ số/);
    const draft = await post('admin', 'POST', '/api/v1/frameworks', `{"definition":${deepDefinition(3)}}`);
    expect(draft.res.statusCode).toBe(201);
    const update = await post(
      'admin',
      'PUT',
      `/api/v1/frameworks/${draft.res.json().id}`,
      `{"definition":${def},"version":${draft.res.json().rowVersion}}`,
    );
    expect(update.res.statusCode).toBe(422);
  });

  it('a deep YAML or JSON file to POST /frameworks/import → 422, fast', async () => {
    const admin = await t.as('admin');
    const yaml = `code: sau\nname: Sâu\ndecision: {number: '1', issuer: UBND}\nappliesTo: {unitTypes: [commune]}\nnodes:\n${Array.from({ length: 30 }, (_, i) => `${'  '.repeat(2 * i)}- code: '${i + 1}'\n${'  '.repeat(2 * i)}  title: C${i + 1}\n${'  '.repeat(2 * i)}  maxPoints: 1\n${'  '.repeat(2 * i)}  children:`).join('\n')}\n${'  '.repeat(60)}- {code: 'z', title: z, maxPoints: 1}\n`;
    await admin.upload('/api/v1/frameworks/import', 'khoi-dong.yaml', Buffer.from('code: x\n')); // starts the import thread (not timed)
    for (const [name, content] of [
      ['sau.yaml', yaml],
      ['sau.json', deepDefinition(5_000)],
      ['sai-kieu.json', deepDefinition(650, true)],
    ] as const) {
      const t0 = performance.now();
      const res = await admin.upload('/api/v1/frameworks/import', name, Buffer.from(content));
      expect(res.statusCode, `${name}: ${res.body.slice(0, 300)}`).toBe(422);
      expect(res.json().error.details.problems[0].message).toMatch(
        /lồng quá 10 cấp chỉ số|lồng nhau quá sâu \(tối đa 64 cấp\)/,
      );
      expect(performance.now() - t0).toBeLessThan(5_000);
    }
  });

  it('a legitimate definition of 4 levels still validates', async () => {
    const { res } = await post('rep_c1', 'POST', '/api/v1/frameworks/validate', `{"definition":${deepDefinition(4)}}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ errors: expect.any(Array), warnings: expect.any(Array) });
  });
});
