// Who may do what with evidence, as one table: every evidence route × anonymous, no role, another unit,
// and each role. No role that may ever read or write evidence → 403 at the route's gate (whatever the unit);
// unreadable → 404 (existence not revealed); readable but not the unit's staff → 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvidenceTestApp, type EvidenceClient, type EvidenceTestApp } from '../support/evidence-app.ts';
import * as f from '../support/sample-files.ts';

let t: EvidenceTestApp;
let C1: string;
let docC1: string;
let docC3: string;
const spare: string[] = [];

type Route = 'list' | 'upload' | 'link' | 'get' | 'patch' | 'delete' | 'download' | 'preview';
const ROUTES: Route[] = ['list', 'upload', 'link', 'get', 'patch', 'delete', 'download', 'preview'];
const OK: Record<Route, number> = {
  list: 200,
  upload: 201,
  link: 201,
  get: 200,
  patch: 200,
  delete: 204,
  download: 200,
  preview: 200,
};
const WRITES = new Set<Route>(['upload', 'link', 'patch', 'delete']);

type Who =
  | 'anonymous'
  | 'norole'
  | 'rep_c3'
  | 'admin'
  | 'office'
  | 'd1office'
  | 'rep_c1'
  | 'lead_c1'
  | 'support'
  | 'member'
  | 'chair'
  | 'viewer';
/** What each caller gets on unit C1's evidence: write = upload/link/patch/delete. */
const TABLE: [Who, { read: number | 'ok'; write: number | 'ok' }][] = [
  ['anonymous', { read: 401, write: 401 }],
  ['norole', { read: 403, write: 403 }], // holds no role at all: refused at the route's gate
  ['rep_c3', { read: 404, write: 404 }], // reporter of another unit
  ['admin', { read: 'ok', write: 'ok' }],
  ['office', { read: 'ok', write: 403 }], // DX office of the province
  ['d1office', { read: 'ok', write: 403 }], // DX office of the district above C1
  ['rep_c1', { read: 'ok', write: 'ok' }],
  ['lead_c1', { read: 'ok', write: 'ok' }],
  ['support', { read: 'ok', write: 403 }],
  ['member', { read: 'ok', write: 403 }],
  ['chair', { read: 'ok', write: 403 }],
  ['viewer', { read: 'ok', write: 403 }],
];

beforeAll(async () => {
  t = await createEvidenceTestApp();
  C1 = t.unit('C1');
  const rep = await t.as('rep_c1');
  docC1 = (await rep.upload(`/api/v1/units/${C1}/evidence`, 'chung.pdf', f.pdf('chung'))).json().id;
  // One deletable document per caller allowed to delete, so each delete really succeeds.
  for (let i = 0; i < TABLE.length; i++) {
    spare.push((await rep.upload(`/api/v1/units/${C1}/evidence`, `xoá-${i}.pdf`, f.pdf(`spare ${i}`))).json().id);
  }
  docC3 = (await (await t.as('rep_c3')).upload(`/api/v1/units/${t.unit('C3')}/evidence`, 'c3.pdf', f.pdf('c3'))).json()
    .id;
});
afterAll(() => t.close());

function call(c: EvidenceClient, route: Route, unit: string, doc: string, deletable: string) {
  const base = `/api/v1/units/${unit}/evidence`;
  switch (route) {
    case 'list':
      return c.get(base);
    case 'upload':
      return c.upload(base, 'mới.pdf', f.pdf(`new ${Math.random()}`));
    case 'link':
      return c.post(`${base}/link`, { url: 'https://vanban.gov.vn/1' });
    case 'get':
      return c.get(`/api/v1/evidence/${doc}`);
    case 'patch':
      return c.patch(`/api/v1/evidence/${doc}`, { summary: 'Trích yếu mới' });
    case 'delete':
      return c.delete(`/api/v1/evidence/${deletable}`);
    case 'download':
      return c.get(`/api/v1/evidence/${doc}/download`);
    case 'preview':
      return c.get(`/api/v1/evidence/${doc}/preview`);
  }
}

describe.each(TABLE.map(([who, exp], i) => ({ who, exp, i })))('$who', ({ who, exp, i }) => {
  it.each(ROUTES)('%s', async (route) => {
    const c = who === 'anonymous' ? t.anonymous : await t.as(who);
    const expected = WRITES.has(route) ? exp.write : exp.read;
    const res = await call(c, route, C1, docC1, spare[i]!);
    expect(res.statusCode, res.body).toBe(expected === 'ok' ? OK[route] : expected);
  });
});

describe("a district office does not reach another district's units", () => {
  // Reading: 404, as if nothing were there. Writing evidence is no DX office's role anywhere: 403 at the gate.
  it.each(ROUTES)('%s on C3 as d1office → 404 (reads) / 403 (writes)', async (route) => {
    const res = await call(await t.as('d1office'), route, t.unit('C3'), docC3, docC3);
    expect(res.statusCode).toBe(WRITES.has(route) ? 403 : 404);
  });
});

describe('abilities follow the same rules', () => {
  it('staff may edit and delete; overseers may only download', async () => {
    const staff = (await (await t.as('lead_c1')).get(`/api/v1/evidence/${docC1}`)).json();
    expect(staff.abilities).toEqual({ update: true, delete: true, download: true });
    const viewer = (await (await t.as('viewer')).get(`/api/v1/units/${C1}/evidence`)).json();
    expect(viewer.abilities).toEqual({ upload: false });
    expect(viewer.items.find((e: { id: string }) => e.id === docC1).abilities).toEqual({
      update: false,
      delete: false,
      download: true,
    });
  });
});
