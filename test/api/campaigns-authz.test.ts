// The permission matrix of the campaign and assessment routes: for each route, the status every kind of
// caller gets. Holding none of the roles the route declares → 403 (http/route-access.ts); out of the
// caller's reach → 404 (existence never leaks); within reach but not allowed → 403. Cells that change something act on their own fresh campaign, so cells are independent.
import { afterAll, beforeAll, describe } from 'vitest';
import type { Username } from '../support/fixtures.ts';
import {
  type CampaignIds,
  TEST_RULES,
  compactFrameworkId,
  createCampaign,
  createOpenCampaign,
  fillAll,
  unitGroupId,
} from '../support/campaign-fixture.ts';
import { runPermissionMatrix } from '../support/permission-matrix.ts';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
let open: CampaignIds;
beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-10T03:00:00Z') });
  open = await createOpenCampaign(t);
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

const draft = () => createCampaign(t, { draft: true });
const fresh = () => createOpenCampaign(t);
async function submitted(): Promise<CampaignIds> {
  const c = await fresh();
  await fillAll(t, c.assessments.C1!);
  const res = await (await t.as('lead_c1')).post(`/api/v1/assessments/${c.assessments.C1}/submit`);
  if (res.statusCode !== 200) throw new Error(res.body);
  return c;
}
const newCampaignBody = async () => ({
  name: 'Kỳ mới',
  year: 2026,
  kind: 'annual',
  ownerUnitId: t.unit('P'),
  rules: TEST_RULES,
  groups: [
    {
      unitGroupId: await unitGroupId(t),
      frameworkId: await compactFrameworkId(t),
      reportingPeriod: { from: '2025-11-15', to: '2026-11-14' },
      deadlines: { selfAssessment: '2026-11-15' },
      appraiser: 'council',
    },
  ],
});

type Call = (c: Client) => Promise<{ statusCode: number; body: string }>;
const ROUTES: Record<string, Call> = {
  'GET /campaigns': (c) => c.get('/api/v1/campaigns'),
  'GET /campaigns/{open}': (c) => c.get(`/api/v1/campaigns/${open.campaignId}`),
  'POST /campaigns (owner P)': async (c) => c.post('/api/v1/campaigns', await newCampaignBody()),
  'POST /campaigns/from-preset': async (c) =>
    c.post('/api/v1/campaigns/from-preset', {
      year: 2026,
      ownerUnitId: t.unit('P'),
      groups: [{ unitGroupId: await unitGroupId(t), frameworkId: await compactFrameworkId(t) }],
    }),
  'PATCH /campaigns/{draft}': async (c) =>
    c.patch(`/api/v1/campaigns/${(await draft()).campaignId}`, { name: 'Đổi tên', rowVersion: 1 }),
  'POST /campaigns/{draft}/groups': async (c) => {
    const b = await newCampaignBody();
    return c.post(`/api/v1/campaigns/${(await draft()).campaignId}/groups`, { ...b.groups[0], unitIds: [] });
  },
  'PUT /campaigns/{draft}/groups/{g}': async (c) => {
    const d = await draft();
    return c.put(`/api/v1/campaigns/${d.campaignId}/groups/${d.groupId}`, { appraiser: 'parent_unit' });
  },
  'DELETE /campaigns/{draft}/groups/{g}': async (c) => {
    const d = await draft();
    return c.delete(`/api/v1/campaigns/${d.campaignId}/groups/${d.groupId}`);
  },
  'DELETE /campaigns/{draft}': async (c) => c.delete(`/api/v1/campaigns/${(await draft()).campaignId}`),
  'POST /campaigns/{draft}/transitions open': async (c) =>
    c.post(`/api/v1/campaigns/${(await draft()).campaignId}/transitions`, {
      action: 'open',
      reason: 'Thử nghiệm nhiều kỳ cùng năm',
    }),
  'POST /campaigns/{open}/transitions close': async (c) =>
    c.post(`/api/v1/campaigns/${(await fresh()).campaignId}/transitions`, {
      action: 'close_self_assessment',
      reason: 'Kết thúc sớm theo kế hoạch',
    }),
  'GET /campaigns/{open}/transitions/check': (c) =>
    c.get(`/api/v1/campaigns/${open.campaignId}/transitions/check?action=close_self_assessment`),
  'POST /campaigns/{open}/progress-rounds': async (c) =>
    c.post(`/api/v1/campaigns/${(await fresh()).campaignId}/progress-rounds`, { months: [3] }),
  'GET /campaigns/{open}/progress': (c) => c.get(`/api/v1/campaigns/${open.campaignId}/progress`),
  'GET /campaigns/{open}/assessments': (c) => c.get(`/api/v1/campaigns/${open.campaignId}/assessments`),
  'GET /assessments/mine': (c) => c.get('/api/v1/assessments/mine'),
  'GET /me/inbox': (c) => c.get('/api/v1/me/inbox'),
  'GET /assessments/{C1}': (c) => c.get(`/api/v1/assessments/${open.assessments.C1}`),
  'PUT /assessments/{C1}/items/1.2': async (c) =>
    c.put(`/api/v1/assessments/${(await fresh()).assessments.C1}/items/1.2`, { inputs: { yes: true }, version: 0 }),
  'PUT /assessments/{C1}/info': async (c) =>
    c.put(`/api/v1/assessments/${(await fresh()).assessments.C1}/info`, { values: { population: 100 }, rowVersion: 1 }),
  'POST /assessments/{C1 filled}/submit': async (c) => {
    const f = await fresh();
    await fillAll(t, f.assessments.C1!);
    return c.post(`/api/v1/assessments/${f.assessments.C1}/submit`);
  },
  'POST /assessments/{C1 submitted}/reopen': async (c) =>
    c.post(`/api/v1/assessments/${(await submitted()).assessments.C1}/reopen`, { reason: 'Bổ sung', codes: ['1.1'] }),
  'POST /assessments/{C1}/record-submission': async (c) =>
    c.post(`/api/v1/assessments/${(await fresh()).assessments.C1}/record-submission`, {
      receivedAt: '2026-11-09',
      reference: '1/BC',
      reason: 'Nhận bản giấy',
    }),
};

// prettier-ignore
const MATRIX: [route: keyof typeof ROUTES, ...statuses: number[]][] = [
  //                                            anon admin office d1off rep_c1 lead_c1 rep_c3 support member chair viewer norole
  ['GET /campaigns',                              401, 200, 200,  200,  200,  200,   200,   200,   200,   200,  200,   200],
  ['GET /campaigns/{open}',                       401, 200, 200,  200,  200,  200,   200,   200,   200,   200,  200,   404],
  ['POST /campaigns (owner P)',                   401, 201, 201,  403,  403,  403,   403,   403,   403,   403,  403,   403],
  ['POST /campaigns/from-preset',                 401, 201, 201,  403,  403,  403,   403,   403,   403,   403,  403,   403],
  ['PATCH /campaigns/{draft}',                    401, 200, 200,  404,  403,  403,   403,   403,   403,   403,  403,   403],
  ['POST /campaigns/{draft}/groups',              401, 201, 201,  404,  403,  403,   403,   403,   403,   403,  403,   403],
  ['PUT /campaigns/{draft}/groups/{g}',           401, 200, 200,  404,  403,  403,   403,   403,   403,   403,  403,   403],
  ['DELETE /campaigns/{draft}/groups/{g}',        401, 200, 200,  404,  403,  403,   403,   403,   403,   403,  403,   403],
  ['DELETE /campaigns/{draft}',                   401, 204, 204,  404,  403,  403,   403,   403,   403,   403,  403,   403],
  ['POST /campaigns/{draft}/transitions open',    401, 200, 200,  404,  403,  403,   403,   403,   403,   403,  403,   403],
  ['POST /campaigns/{open}/transitions close',    401, 200, 200,  403,  403,  403,   403,   403,   403,   403,  403,   403],
  ['GET /campaigns/{open}/transitions/check',     401, 200, 200,  403,  403,  403,   403,   403,   403,   403,  403,   403],
  ['POST /campaigns/{open}/progress-rounds',      401, 201, 201,  403,  403,  403,   403,   403,   403,   403,  403,   403],
  ['GET /campaigns/{open}/progress',              401, 200, 200,  403,  403,  403,   403,   200,   200,   200,  403,   403],
  ['GET /campaigns/{open}/assessments',           401, 200, 200,  200,  200,  200,   200,   200,   200,   200,  200,   404],
  ['GET /assessments/mine',                       401, 200, 200,  200,  200,  200,   200,   200,   200,   200,  200,   200],
  ['GET /me/inbox',                               401, 200, 200,  200,  200,  200,   200,   200,   200,   200,  200,   200],
  ['GET /assessments/{C1}',                       401, 200, 200,  200,  200,  200,   404,   200,   200,   200,  200,   404],
  ['PUT /assessments/{C1}/items/1.2',             401, 200, 403,  403,  200,  200,   404,   403,   403,   403,  403,   403],
  ['PUT /assessments/{C1}/info',                  401, 200, 403,  403,  200,  200,   404,   403,   403,   403,  403,   403],
  ['POST /assessments/{C1 filled}/submit',        401, 200, 403,  403,  403,  200,   404,   403,   403,   403,  403,   403],
  ['POST /assessments/{C1 submitted}/reopen',     401, 200, 200,  403,  403,  403,   403,   403,   403,   403,  403,   403],
  ['POST /assessments/{C1}/record-submission',    401, 200, 200,  403,  403,  403,   403,   403,   403,   403,  403,   403],
];

describe('campaign and assessment permission matrix', () => {
  runPermissionMatrix(() => t, CALLERS, ROUTES, MATRIX);
});
