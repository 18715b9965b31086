// Index sets: lifecycle (draft → published → archived, versions), optimistic concurrency, frozen
// published versions, diff/mapping, export, previews — and who may call every route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTestApp, type Client, type TestApp } from '../support/test-app.ts';
import { sampleDefinition } from './frameworks-fixtures.ts';
import { seedFrameworkPresets } from '../../src/seed/seed-frameworks.ts';
import { loadPresetFiles } from '../../src/exchange/frameworks/presets.ts';

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
});
afterAll(() => t.close());

async function createDraft(code: string, as: Client = office) {
  const res = await as.post('/api/v1/frameworks', { definition: sampleDefinition(code) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function published(code: string) {
  const draft = await createDraft(code);
  const res = await office.post(`/api/v1/frameworks/${draft.id}/publish`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('lifecycle', () => {
  it('creates a draft version 1 with summary, abilities and the definition sorted naturally, stored NFC', async () => {
    const def = sampleDefinition('life-1');
    def.name = 'Bo\u0323\u0302 chỉ số thử'; // decomposed "ộ"
    const res = await office.post('/api/v1/frameworks', { definition: def });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({
      code: 'life-1',
      version: 1,
      status: 'draft',
      totalPoints: 45,
      mainIndicators: 2,
      subIndicators: 3,
      leafCount: 3,
      basedOnId: null,
      rowVersion: 1,
    });
    expect(s.name).toBe('Bộ chỉ số thử'.normalize('NFC'));
    expect(s.abilities).toEqual({
      update: true,
      publish: true,
      archive: false,
      createVersion: true,
      delete: true,
      confirmMapping: true,
    });
    // The province office issues it for its own unit, the province.
    expect(s.ownerUnit).toEqual({ id: t.unit('P'), code: 'P', name: 'Tỉnh Thử Nghiệm' });
    expect(s.inUseBy).toEqual([]);
    const got = (await office.get(`/api/v1/frameworks/${s.id}`)).json();
    expect(got.definition.nodes[0].children.map((n: { code: string }) => n.code)).toEqual(['1.1', '1.2']);
    expect(got.validation).toEqual({ errors: [], warnings: [] });
    const audit = (await t.as('admin')).get(`/api/v1/audit?objectType=framework&objectId=${s.id}`);
    expect((await audit).json().items[0]).toMatchObject({ action: 'framework.create' });
  });

  it('refuses a document of the wrong shape with 422 FRAMEWORK_INVALID listing problems with paths, saving nothing', async () => {
    const before = (await office.get('/api/v1/frameworks')).json().total;
    const bad = sampleDefinition('bad-shape') as unknown as { nodes: { maxpoints?: number; maxPoints?: number }[] };
    bad.nodes[0]!.maxpoints = 3;
    const res = await office.post('/api/v1/frameworks', { definition: bad });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('FRAMEWORK_INVALID');
    expect(res.json().error.details.errors[0]).toMatchObject({ code: 'SCHEMA_INVALID', path: 'nodes[0]' });
    expect((await office.get('/api/v1/frameworks')).json().total).toBe(before);
  });

  it('updates a draft with optimistic concurrency: a stale row version gets 409 VERSION_CONFLICT with the current one', async () => {
    const d = await createDraft('life-2');
    const def = sampleDefinition('life-2', { name: 'Tên mới' });
    const ok = await office.put(`/api/v1/frameworks/${d.id}`, { definition: def, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Tên mới', rowVersion: 2 });
    const stale = await office.put(`/api/v1/frameworks/${d.id}`, { definition: def, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.details.current.rowVersion).toBe(2);
    const otherCode = await office.put(`/api/v1/frameworks/${d.id}`, {
      definition: sampleDefinition('khac'),
      version: 2,
    });
    expect(otherCode.statusCode).toBe(400);
  });

  it('publish is blocked by validation errors (422 listing them), allowed with warnings; a published version is frozen', async () => {
    const broken = sampleDefinition('life-3');
    broken.nodes[0]!.maxPoints = 31; // children sum 30
    const d = (await office.post('/api/v1/frameworks', { definition: broken })).json();
    const blocked = await office.post(`/api/v1/frameworks/${d.id}/publish`);
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error.details.errors.map((e: { code: string }) => e.code)).toContain('CHILDREN_SUM_MISMATCH');

    const warn = sampleDefinition('life-3', { declared: { mainIndicators: 3 } });
    const fixed = await office.put(`/api/v1/frameworks/${d.id}`, { definition: warn, version: 1 });
    expect(fixed.statusCode).toBe(200);
    const pub = await office.post(`/api/v1/frameworks/${d.id}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({
      status: 'published',
      abilities: { update: false, publish: false, archive: true, delete: false },
    });
    expect(pub.json().publishedAt).toBeTruthy();
    expect(pub.json().warnings.map((w: { code: string }) => w.code)).toContain('MAIN_COUNT_MISMATCH');

    const edit = await office.put(`/api/v1/frameworks/${d.id}`, { definition: warn, version: pub.json().rowVersion });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('INVALID_STATE');
    expect((await office.delete(`/api/v1/frameworks/${d.id}`)).statusCode).toBe(409);
    expect((await office.post(`/api/v1/frameworks/${d.id}/publish`)).statusCode).toBe(409);
  });

  it('new versions: copy of a published one (v2, based on it), or POST with an existing code (next number); list latest', async () => {
    const v1 = await published('life-4');
    const v2 = await office.post(`/api/v1/frameworks/${v1.id}/versions`);
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ code: 'life-4', version: 2, status: 'draft', basedOnId: v1.id });
    const v3 = await office.post('/api/v1/frameworks', { definition: sampleDefinition('life-4') });
    expect(v3.json()).toMatchObject({ version: 3, basedOnId: v2.json().id });
    const versions = (await office.get(`/api/v1/frameworks/${v1.id}/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    const latest = (await office.get('/api/v1/frameworks?latest=true&q=life-4')).json();
    expect(latest.items.map((v: { version: number }) => v.version)).toEqual([3]);
    // A unit sees only the published version as the latest.
    const rep = await t.as('rep_c1');
    const seen = (await rep.get('/api/v1/frameworks?latest=true&q=life-4')).json();
    expect(seen.items.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, 'published'],
    ]);
    expect(seen.abilities.create).toBe(false);
    expect((await rep.get(`/api/v1/frameworks/${v1.id}/versions`)).json().items).toHaveLength(1);
  });

  it('archives a published version (still readable by units); deletes drafts only', async () => {
    const v1 = await published('life-5');
    const arch = await office.post(`/api/v1/frameworks/${v1.id}/archive`);
    expect(arch.statusCode).toBe(200);
    expect(arch.json().status).toBe('archived');
    expect((await office.post(`/api/v1/frameworks/${v1.id}/archive`)).statusCode).toBe(409);
    expect((await (await t.as('rep_c1')).get(`/api/v1/frameworks/${v1.id}`)).statusCode).toBe(200);
    const d = await createDraft('life-6');
    expect((await office.delete(`/api/v1/frameworks/${d.id}`)).statusCode).toBe(204);
    expect((await office.get(`/api/v1/frameworks/${d.id}`)).statusCode).toBe(404);
  });

  it('search is accent-insensitive and filters by status', async () => {
    await published('tim-kiem');
    const res = (await office.get('/api/v1/frameworks?q=bo chi so thu nghiem&status=published')).json();
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((i: { status: string }) => i.status === 'published')).toBe(true);
  });
});

describe('diff, mapping, export, previews', () => {
  it('diffs two versions and proposes, then confirms, a mapping (audited); bad pairs are refused', async () => {
    const v1 = await published('map-1');
    const v2 = (await office.post(`/api/v1/frameworks/${v1.id}/versions`)).json();
    const def = sampleDefinition('map-1');
    def.nodes[1]!.children!.push({ code: '2.2', title: 'Chỉ số mới', maxPoints: 5, method: { kind: 'yesno' } });
    def.nodes[1]!.maxPoints = 20;
    delete def.declared;
    expect((await office.put(`/api/v1/frameworks/${v2.id}`, { definition: def, version: 1 })).statusCode).toBe(200);
    const diff = (await office.get(`/api/v1/frameworks/${v2.id}/diff?against=${v1.id}`)).json();
    expect(diff.added.map((n: { code: string }) => n.code)).toEqual(['2.2']);
    expect(diff.totalPoints).toEqual({ old: 45, new: 50, delta: 5 });
    const mapping = (await office.get(`/api/v1/frameworks/${v1.id}/mapping?to=${v2.id}`)).json();
    expect(mapping.confirmed).toBeNull();
    expect(mapping.proposal.unmappedNew).toEqual(['2.2']);
    const pairs = [
      { fromCode: '1.1', toCode: '1.1' },
      { fromCode: '2.1', toCode: '2.1' },
    ];
    const put = await office.put(`/api/v1/frameworks/${v1.id}/mapping?to=${v2.id}`, { pairs });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().confirmed).toEqual(pairs);
    const bad = await office.put(`/api/v1/frameworks/${v1.id}/mapping?to=${v2.id}`, {
      pairs: [
        { fromCode: '9.9', toCode: '1.1' },
        { fromCode: '1.2', toCode: '1.1' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/9\.9/);
    const audit = (await (await t.as('admin')).get(`/api/v1/audit?objectType=framework&objectId=${v1.id}`)).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toContain('framework.confirm_mapping');
  });

  it('exports YAML and JSON that are the stored definition, and an xlsx workbook', async () => {
    const v = await published('export-1');
    const full = (await office.get(`/api/v1/frameworks/${v.id}`)).json();
    const yaml = await office.get(`/api/v1/frameworks/${v.id}/export?format=yaml`);
    expect(yaml.headers['content-type']).toMatch(/yaml/);
    expect(yaml.headers['content-disposition']).toMatch(/export-1-v1\.yaml/);
    expect(parse(yaml.body)).toEqual(full.definition);
    const json = await office.get(`/api/v1/frameworks/${v.id}/export?format=json`);
    expect(JSON.parse(json.body)).toEqual(full.definition);
    const xlsx = await office.get(`/api/v1/frameworks/${v.id}/export`);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('score-preview scores one item with the engine; validate reports without saving', async () => {
    const rep = await t.as('rep_c1');
    const res = await rep.post('/api/v1/frameworks/score-preview', {
      method: { kind: 'ratio', zeroDenominator: 'zero' },
      maxPoints: 10,
      inputs: { a: '3', b: 4, __proto__: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ points: 7.5, notApplicable: false });
    const bad = await office.post('/api/v1/frameworks/validate', {
      definition: sampleDefinition('v', { declared: { totalPoints: 50 } }),
    });
    expect(bad.json().errors.map((e: { code: string }) => e.code)).toEqual(['TOTAL_MISMATCH']);
    const shape = await office.post('/api/v1/frameworks/validate', { definition: { code: 'X' } });
    expect(shape.json().errors.length).toBeGreaterThan(0);
  });
});

describe('presets', () => {
  it('seeds every preset of frameworks/ as a published version 1, once', async () => {
    const presets = await loadPresetFiles();
    const { created } = await seedFrameworkPresets(t.database.db);
    expect(created.sort()).toEqual(presets.map((p) => p.definition.code).sort());
    expect((await seedFrameworkPresets(t.database.db)).created).toEqual([]);
    const rep = await t.as('rep_c1');
    const list = (await rep.get('/api/v1/frameworks?q=minh-hoa-xa-1000')).json();
    expect(list.items[0]).toMatchObject({
      code: 'minh-hoa-xa-1000',
      version: 1,
      status: 'published',
      illustrative: true,
      totalPoints: 1000,
    });
  });
});

describe('authorization on every route', () => {
  let draftId: string;
  let pubId: string;
  let pub2Id: string;
  beforeAll(async () => {
    draftId = (await createDraft('auth-draft')).id;
    pubId = (await published('auth-pub')).id;
    pub2Id = (await published('auth-pub-2')).id;
  });

  const reads = () => [
    ['GET', `/api/v1/frameworks/${pubId}`],
    ['GET', `/api/v1/frameworks/${pubId}/versions`],
    ['GET', `/api/v1/frameworks/${pubId}/export?format=yaml`],
    ['GET', `/api/v1/frameworks/${pubId}/diff?against=${pub2Id}`],
    ['GET', `/api/v1/frameworks/${pubId}/mapping?to=${pub2Id}`],
  ];
  const draftReads = () => reads().map(([m, u]) => [m, u!.replace(pubId, draftId)]);
  const writes = (id: string): [string, string, unknown?][] => [
    ['POST', '/api/v1/frameworks', { definition: sampleDefinition('auth-new') }],
    ['PUT', `/api/v1/frameworks/${id}`, { definition: sampleDefinition('auth-draft'), version: 1 }],
    ['POST', `/api/v1/frameworks/${id}/publish`],
    ['POST', `/api/v1/frameworks/${id}/archive`],
    ['POST', `/api/v1/frameworks/${id}/versions`],
    ['DELETE', `/api/v1/frameworks/${id}`],
    ['PUT', `/api/v1/frameworks/${id}/mapping?to=${pub2Id}`, { pairs: [] }],
  ];
  const call = (c: Client, method: string, url: string, body?: unknown) =>
    method === 'GET'
      ? c.get(url)
      : method === 'PUT'
        ? c.put(url, body)
        : method === 'DELETE'
          ? c.delete(url)
          : c.post(url, body);

  it('anonymous → 401 on every route', async () => {
    const all = [
      ...reads(),
      ['GET', '/api/v1/frameworks'],
      ...writes(draftId),
      ['POST', '/api/v1/frameworks/score-preview', { method: { kind: 'yesno' }, maxPoints: 1, inputs: {} }],
      ['POST', '/api/v1/frameworks/validate', { definition: {} }],
    ];
    for (const [m, u, b] of all as [string, string, unknown][]) {
      const res = await call(t.anonymous, m, u, b);
      expect(res.statusCode, `${m} ${u}`).toBe(401);
    }
    const up = await t.anonymous.upload('/api/v1/frameworks/import', 'a.yaml', Buffer.from('code: x'));
    expect(up.statusCode).toBe(401);
  });

  for (const username of ['rep_c1', 'viewer', 'norole']) {
    it(`${username}: reads published (200), drafts are 404, writes and imports 403 (no DX office role: the route's gate)`, async () => {
      const c = await t.as(username);
      for (const [m, u] of reads()) expect((await call(c, m!, u!)).statusCode, `${m} ${u}`).toBe(200);
      for (const [m, u] of draftReads()) expect((await call(c, m!, u!)).statusCode, `${m} ${u}`).toBe(404);
      const list = (await c.get('/api/v1/frameworks')).json();
      expect(list.items.some((i: { status: string }) => i.status === 'draft')).toBe(false);
      for (const [m, u, b] of writes(draftId)) expect((await call(c, m, u, b)).statusCode, `${m} ${u}`).toBe(403);
      for (const [m, u, b] of writes(pubId).slice(1))
        expect((await call(c, m, u, b)).statusCode, `${m} ${u}`).toBe(403);
      expect((await c.upload('/api/v1/frameworks/import', 'a.yaml', Buffer.from('code: x'))).statusCode).toBe(403);
      expect(
        (
          await c.post('/api/v1/frameworks/score-preview', {
            method: { kind: 'yesno' },
            maxPoints: 2,
            inputs: { yes: true },
          })
        ).json().points,
      ).toBe(2);
      expect((await c.get('/api/v1/frameworks/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    });
  }

  it('a district DX office and the system administrator manage index sets', async () => {
    for (const username of ['d1office', 'admin']) {
      const c = await t.as(username);
      const d = await createDraft(`auth-${username}`, c);
      expect((await c.get(`/api/v1/frameworks/${draftId}`)).statusCode).toBe(200);
      expect((await c.post(`/api/v1/frameworks/${d.id}/publish`)).statusCode).toBe(200);
      expect((await c.post(`/api/v1/frameworks/${d.id}/archive`)).statusCode).toBe(200);
    }
  });
});
