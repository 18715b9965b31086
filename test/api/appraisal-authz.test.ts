// The permission matrix of the appraisal routes: for each route, the status every kind of caller gets.
// The council of the shared campaign: "chair" (chair), "member" (member, main indicator 1), "support"
// (support team). Holding none of the roles the route declares → 403; out of the caller's reach → 404;
// within reach but not their part → 403. Cells that
// change something read the current version first or act on their own fresh request or member.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe } from 'vitest';
import { users } from '../../src/db/schema/accounts.ts';
import { itemReviews } from '../../src/db/schema/appraisal.ts';
import type { Username } from '../support/fixtures.ts';
import { type AppraisalIds, acceptEverything, appraisalCampaign, itemUrl } from '../support/appraisal-fixture.ts';
import { runPermissionMatrix } from '../support/permission-matrix.ts';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
let s: AppraisalIds;
let snapshotId = '';
beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-10T03:00:00Z') });
  s = await appraisalCampaign(t);
  const p = await appraisalCampaign(t, { name: 'Đã công bố' });
  await acceptEverything(t, p);
  const chair = await t.as('chair');
  const office = await t.as('office');
  for (const [res, want] of [
    [await chair.post(`/api/v1/campaigns/${p.campaignId}/close-appraisal`, { groupId: p.groupId }), 200],
    [
      await office.post(`/api/v1/campaigns/${p.campaignId}/approve`, {
        groupId: p.groupId,
        decisionNumber: '1/QĐ',
        decisionDate: '2026-11-09',
      }),
      200,
    ],
  ] as const)
    if (res.statusCode !== want) throw new Error(res.body);
  snapshotId = (await office.post(`/api/v1/campaigns/${p.campaignId}/publish`, {})).json().snapshot.id;
});
afterAll(() => t.close());

type Caller = 'anonymous' | Username;
const CALLERS: Caller[] = [
  'anonymous',
  'admin',
  'office',
  'd1office',
  'rep_c1',
  'lead_c1',
  'rep_c3',
  'support',
  'member',
  'chair',
  'viewer',
  'norole',
];

const C1 = () => s.assessments.C1!;
async function version(assessmentId: string, code: string): Promise<number> {
  const [r] = await t.database.db
    .select({ v: itemReviews.version })
    .from(itemReviews)
    .where(and(eq(itemReviews.assessmentId, assessmentId), eq(itemReviews.code, code)));
  return r?.v ?? 0;
}
async function freshRequest(): Promise<string> {
  const res = await (
    await t.as('chair')
  ).post(itemUrl(C1(), '1.3', 'requests'), { kind: 'explanation', message: 'Giải trình', deadline: '2026-12-31' });
  return res.json().id;
}
let n = 0;
async function freshUser(): Promise<string> {
  const name = `tv${++n}`;
  // Created by the province office, which may therefore seat it (an account nobody manages cannot be seated).
  const [u] = await t.database.db
    .insert(users)
    .values({ username: name, fullName: name, fullNameFolded: name, passwordHash: 'x', createdBy: t.user('office') })
    .returning({ id: users.id });
  return u!.id;
}
const base = () => `/api/v1/campaigns/${s.campaignId}`;

type Call = (c: Client) => Promise<{ statusCode: number; body: string }>;
const ROUTES: Record<string, Call> = {
  'GET /campaigns/{id}/bodies': (c) => c.get(`${base()}/bodies`),
  'PUT …/groups/{g}/body': (c) =>
    c.put(`${base()}/groups/${s.groupId}/body`, { kind: 'council', name: 'Hội đồng thẩm định' }),
  'POST …/groups/{g}/members': async (c) =>
    c.post(`${base()}/groups/${s.groupId}/members`, {
      userId: await freshUser(),
      position: 'member',
      assignment: { nodeCodes: ['2'] },
    }),
  'PATCH /appraisal-members/{support}': (c) =>
    c.patch(`/api/v1/appraisal-members/${s.bodyMembers.support}`, { title: 'Chuyên viên' }),
  'DELETE /appraisal-members/{fresh}': async (c) => {
    const added = await (
      await t.as('office')
    ).post(`${base()}/groups/${s.groupId}/members`, { userId: await freshUser(), position: 'secretary' });
    const id = added.json().items[0].members.find((m: { position: string }) => m.position === 'secretary').id;
    return c.delete(`/api/v1/appraisal-members/${id}`);
  },
  'GET /appraisal/queue': (c) => c.get(`/api/v1/appraisal/queue?campaignId=${s.campaignId}`),
  'PUT …/items/1.1/review': async (c) =>
    c.put(itemUrl(C1(), '1.1', 'review'), { proposedScore: 7.5, version: await version(C1(), '1.1') }),
  'PUT …/items/1.1/appraisal': async (c) =>
    c.put(itemUrl(C1(), '1.1', 'appraisal'), { finalScore: 7.5, version: await version(C1(), '1.1') }),
  'PUT …/items/2.1/appraisal': async (c) =>
    c.put(itemUrl(C1(), '2.1', 'appraisal'), { finalScore: 15, version: await version(C1(), '2.1') }),
  'POST /appraisal/bulk-accept [1.2]': async (c) =>
    c.post('/api/v1/appraisal/bulk-accept', {
      items: [{ assessmentId: C1(), code: '1.2', version: await version(C1(), '1.2') }],
    }),
  'GET /assessments/{C1}/review': (c) => c.get(`/api/v1/assessments/${C1()}/review`),
  'POST …/items/1.2/requests': (c) =>
    c.post(itemUrl(C1(), '1.2', 'requests'), { kind: 'more_evidence', message: 'Bổ sung', deadline: '2026-12-31' }),
  'GET /assessments/{C1}/requests': (c) => c.get(`/api/v1/assessments/${C1()}/requests`),
  'POST /requests/{r}/replies': async (c) =>
    c.post(`/api/v1/requests/${await freshRequest()}/replies`, { text: 'Trả lời', evidenceIds: [] }),
  'POST /requests/{r}/close': async (c) => c.post(`/api/v1/requests/${await freshRequest()}/close`),
  'POST …/items/1.3/supplements': (c) =>
    c.post(`/api/v1/assessments/${C1()}/items/1.3/supplements`, { text: 'Đơn vị tự bổ sung', evidenceIds: [] }),
  'GET /assessments/{C1}/supplements': (c) => c.get(`/api/v1/assessments/${C1()}/supplements`),
  'POST …/items/1.3/looked': (c) => c.post(`/api/v1/assessments/${C1()}/items/1.3/looked`),
  'PUT …/not-applicable/2.3': (c) =>
    c.put(`${base()}/groups/${s.groupId}/not-applicable/2.3`, { reason: 'Chưa có hướng dẫn' }),
  'POST /campaigns/{id}/close-appraisal (incomplete)': (c) =>
    c.post(`${base()}/close-appraisal`, { groupId: s.groupId }),
  'POST /campaigns/{id}/approve (not closed)': (c) =>
    c.post(`${base()}/approve`, { groupId: s.groupId, decisionNumber: '1/QĐ', decisionDate: '2026-11-09' }),
  'GET /campaigns/{id}/results': (c) => c.get(`${base()}/results`),
  'POST /campaigns/{id}/publish (incomplete)': (c) => c.post(`${base()}/publish`, {}),
  'GET /campaigns/{id}/snapshots': (c) => c.get(`${base()}/snapshots`),
  'GET /snapshots/{published}': (c) => c.get(`/api/v1/snapshots/${snapshotId}`),
  'GET /signing-keys': (c) => c.get('/api/v1/signing-keys'),
  'GET /campaigns/{id}/authorities': (c) => c.get(`${base()}/authorities`),
  'POST /campaigns/{id}/delegations (D1 is no authority here)': (c) =>
    c.post(`${base()}/delegations`, {
      groupId: s.groupId,
      fromUnitId: t.unit('D1'),
      toUnitId: t.unit('P'),
      powers: ['publish'],
      reason: 'Thử',
    }),
  'POST /campaigns/{id}/delegations/{nothing}/revoke': (c) =>
    c.post(`${base()}/delegations/00000000-0000-4000-8000-000000000000/revoke`, { reason: 'Thử' }),
};

// prettier-ignore
const MATRIX: [route: keyof typeof ROUTES, ...statuses: number[]][] = [
  //                                                   anon admin office d1off rep_c1 lead_c1 rep_c3 support member chair viewer norole
  ['GET /campaigns/{id}/bodies',                         401, 200, 200,  403,  403,   403,   403,   200,   200,   200,  200,   404],
  ['PUT …/groups/{g}/body',                              401, 200, 200,  403,  403,   403,   403,   403,   403,   403,  403,   403],
  ['POST …/groups/{g}/members',                          401, 201, 201,  403,  403,   403,   403,   403,   403,   403,  403,   403],
  // Callers who cannot see the bodies (GET …/bodies → 403) do not learn a member exists: 404 (issue 11).
  ['PATCH /appraisal-members/{support}',                 401, 204, 204,  404,  403,   403,   403,   403,   403,   403,  403,   403],
  ['DELETE /appraisal-members/{fresh}',                  401, 204, 204,  404,  403,   403,   403,   403,   403,   403,  403,   403],
  ['GET /appraisal/queue',                               401, 200, 200,  200,  200,   200,   200,   200,   200,   200,  200,   200],
  ['PUT …/items/1.1/review',                             401, 403, 403,  403,  403,   403,   404,   200,   403,   403,  403,   404],
  ['PUT …/items/1.1/appraisal',                          401, 403, 403,  403,  403,   403,   404,   403,   200,   200,  403,   404],
  ['PUT …/items/2.1/appraisal',                          401, 403, 403,  403,  403,   403,   404,   403,   403,   200,  403,   404],
  ['POST /appraisal/bulk-accept [1.2]',                  401, 403, 403,  403,  403,   403,   404,   403,   200,   200,  403,   404],
  ['GET /assessments/{C1}/review',                       401, 200, 200,  200,  403,   403,   404,   200,   200,   200,  200,   404],
  ['POST …/items/1.2/requests',                          401, 403, 403,  403,  403,   403,   404,   201,   201,   201,  403,   404],
  ['GET /assessments/{C1}/requests',                     401, 200, 200,  200,  200,   200,   404,   200,   200,   200,  200,   404],
  ['POST /requests/{r}/replies',                         401, 201, 403,  403,  201,   201,   404,   403,   403,   403,  403,   403],
  ['POST /requests/{r}/close',                           401, 403, 403,  403,  403,   403,   404,   200,   200,   200,  403,   404],
  // A unit supplements on its own during appraisal (issue 13 §5); a look is recorded only by a reviewer of the item.
  ['POST …/items/1.3/supplements',                       401, 201, 403,  403,  201,   201,   404,   403,   403,   403,  403,   403],
  ['GET /assessments/{C1}/supplements',                  401, 200, 200,  200,  200,   200,   404,   200,   200,   200,  200,   404],
  ['POST …/items/1.3/looked',                            401, 403, 403,  403,  403,   403,   404,   200,   200,   200,  403,   404],
  ['PUT …/not-applicable/2.3',                           401, 403, 403,  403,  403,   403,   403,   403,   403,   200,  403,   404],
  ['POST /campaigns/{id}/close-appraisal (incomplete)',  401, 403, 403,  403,  403,   403,   403,   403,   403,   422,  403,   404],
  ['POST /campaigns/{id}/approve (not closed)',          401, 403, 409,  403,  403,   403,   403,   403,   403,   403,  403,   403],
  ['GET /campaigns/{id}/results',                        401, 200, 200,  403,  403,   403,   403,   200,   200,   200,  200,   404],
  ['POST /campaigns/{id}/publish (incomplete)',          401, 403, 422,  403,  403,   403,   403,   403,   403,   403,  403,   403],
  ['GET /campaigns/{id}/snapshots',                      401, 200, 200,  403,  403,   403,   403,   200,   200,   200,  200,   404],
  ['GET /snapshots/{published}',                         401, 200, 200,  200,  200,   200,   200,   200,   200,   200,  200,   404],
  ['GET /signing-keys',                                  200, 200, 200,  200,  200,   200,   200,   200,   200,   200,  200,   200],
  // The competent authority of each part and its delegations (issue 13 §2): readable by whoever reaches the campaign.
  ['GET /campaigns/{id}/authorities',                    401, 200, 200,  200,  200,   200,   200,   200,   200,   200,  200,   404],
  ['POST /campaigns/{id}/delegations (D1 is no authority here)', 401, 422, 422, 422, 403, 403, 403, 403, 403, 403, 403, 403],
  ['POST /campaigns/{id}/delegations/{nothing}/revoke',  401, 404, 404,  404,  403,   403,   403,   403,   403,   403,  403,   403],
];

describe('appraisal permission matrix', () => {
  runPermissionMatrix(() => t, CALLERS, ROUTES, MATRIX);
});
