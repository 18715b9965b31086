// Issue 11, finding 13: a NUL character (U+0000) in a query string, a JSON string or a path parameter
// reached PostgreSQL, which stores no NUL in text (22021) or jsonb (22P05): a 500 on every route below
// (found by sending "\u0000" in every query and body field of every documented route), and the failed
// query's parameters — argon2 password hashes, API-token hashes — written to the error log. Now it is
// refused at the edge with 400 VALIDATION_FAILED naming the field, and nothing secret is ever logged.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/logger.ts';
import { type CampaignIds, SYSTEM_CLOCK_DEADLINE, createOpenCampaign } from '../support/campaign-fixture.ts';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';

const NUL = 'x\u0000y';
const Q = encodeURIComponent(NUL);
let t: TestApp;
let ids: CampaignIds;
let admin: Client;
const logLines: string[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  t = await createTestApp({ logger: createLogger('info', sink) });
  ids = await createOpenCampaign(t, { deadline: SYSTEM_CLOCK_DEADLINE });
  admin = await t.as('admin');
});
afterAll(() => t.close());

type Call = () => Promise<{ statusCode: number; body: string }>;
const ROUTES: [route: string, field: string, call: Call][] = [
  [
    'POST /auth/login',
    'body/username',
    () => t.anonymous.post('/api/v1/auth/login', { username: `admin${NUL}`, password: 'Matkhau123' }),
  ],
  ['GET /org-units/search', 'querystring/q', () => admin.get(`/api/v1/org-units/search?q=${Q}`)],
  [
    'POST /org-units/{id}/deactivate',
    'body/reason',
    () => admin.post(`/api/v1/org-units/${t.unit('C2')}/deactivate`, { reason: NUL }),
  ],
  ['GET /users', 'querystring/q', () => admin.get(`/api/v1/users?q=${Q}`)],
  [
    'POST /users',
    'body/fullName',
    () => admin.post('/api/v1/users', { username: 'nguoimoi', fullName: `Người${NUL}`, password: 'Matkhau123' }),
  ],
  ['PATCH /users/{id}', 'body/fullName', () => admin.patch(`/api/v1/users/${t.user('rep_c1')}`, { fullName: NUL })],
  ['POST /users/{id}/tokens', 'body/name', () => admin.post(`/api/v1/users/${t.user('admin')}/tokens`, { name: NUL })],
  ['GET /audit', 'querystring/objectType', () => admin.get(`/api/v1/audit?objectType=${Q}`)],
  ['GET /frameworks', 'querystring/q', () => admin.get(`/api/v1/frameworks?q=${Q}`)],
  ['GET /units/{unitId}/evidence', 'querystring/q', () => admin.get(`/api/v1/units/${t.unit('C1')}/evidence?q=${Q}`)],
  [
    'GET /campaigns/{id}/progress',
    'querystring/q',
    () => admin.get(`/api/v1/campaigns/${ids.campaignId}/progress?q=${Q}`),
  ],
  [
    'GET /campaigns/{id}/assessments',
    'querystring/q',
    () => admin.get(`/api/v1/campaigns/${ids.campaignId}/assessments?q=${Q}`),
  ],
  [
    'PUT /assessments/{id}/items/{code}',
    'params/code',
    async () =>
      (await t.as('rep_c1')).put(`/api/v1/assessments/${ids.assessments.C1}/items/${encodeURIComponent('1.1\u0000')}`, {
        inputs: {},
        selfScore: 1,
        version: 0,
      }),
  ],
  [
    'POST /campaigns/{id}/figures',
    'body/source/name',
    () =>
      admin.post(`/api/v1/campaigns/${ids.campaignId}/figures`, {
        source: { name: NUL },
        figures: [{ unitCode: 'C1', itemCode: '1.2', inputs: { yes: true } }],
      }),
  ],
  [
    'PUT /campaigns/{id}/groups/{groupId}/body',
    'body/name',
    () => admin.put(`/api/v1/campaigns/${ids.campaignId}/groups/${ids.groupId}/body`, { kind: 'council', name: NUL }),
  ],
];

describe('a NUL character in a request', () => {
  it('is refused with 400 VALIDATION_FAILED naming the field, on every route that answered 500', async () => {
    const got: Record<string, string> = {};
    for (const [route, , call] of ROUTES) {
      const res = await call();
      const error = JSON.parse(res.body).error as
        | { code: string; details?: { issues?: { path: string }[] } }
        | undefined;
      got[route] = `${res.statusCode} ${error?.code ?? ''} ${error?.details?.issues?.[0]?.path ?? ''}`;
    }
    expect(got).toEqual(Object.fromEntries(ROUTES.map(([route, field]) => [route, `400 VALIDATION_FAILED ${field}`])));
    // Nothing changed: the unit is still active, no account was created.
    expect((await admin.get(`/api/v1/org-units/${t.unit('C2')}`)).json().activeTo ?? null).toBeNull();
    expect((await admin.get('/api/v1/users?q=nguoimoi')).json().total).toBe(0);
    // An anonymous caller still gets 401 first: the session is checked before the content.
    expect((await t.anonymous.get(`/api/v1/frameworks?q=${Q}`)).statusCode).toBe(401);
  });

  it('says so in Vietnamese, and is refused inside arrays and object keys too', async () => {
    const res = await admin.get(`/api/v1/frameworks?q=${Q}`);
    expect(res.json().error.message).toBe(
      'Dữ liệu không hợp lệ: querystring/q — chứa ký tự NUL (U+0000), không được phép trong văn bản.',
    );
    const inArray = await admin.post(`/api/v1/campaigns/${ids.campaignId}/figures`, {
      source: { name: 'Sở' },
      figures: [
        { unitCode: 'C1', itemCode: '1.2', inputs: { yes: true } },
        { unitCode: `C${NUL}`, itemCode: '1.2', inputs: {} },
      ],
    });
    expect(inArray.json().error.details.issues[0].path).toBe('body/figures/1/unitCode');
    const inKey = await admin.post(`/api/v1/campaigns/${ids.campaignId}/figures`, {
      source: { name: 'Sở' },
      figures: [{ unitCode: 'C1', itemCode: '1.2', inputs: { [`a${NUL}`]: 1 } }],
    });
    expect(inKey.statusCode).toBe(400);
    expect(inKey.json().error.details.issues[0].path).toBe('body/figures/0/inputs/ax\\u0000y');
  });

  it('the log holds no argon2 hash, token hash, password or request body', async () => {
    const log = logLines.join('');
    expect(log).toContain('"msg":"request"'); // the log was captured
    expect(log).not.toMatch(/\$argon2/);
    expect(log).not.toContain('Matkhau123');
    expect(log).not.toMatch(/params: /);
    expect(log).not.toMatch(/"level":50/); // no error at all: every NUL was a client error
  });
});
