// Issue 11, finding 13: a council-member id of another campaign answered 403 to a caller who may read
// that campaign but not its bodies (the district office running its own campaign, a participating unit),
// confirming the id exists. Now it is 404 — the same answer, byte for byte, as for an id that does not
// exist — while those who see the bodies but may not change them still get 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppraisalIds, appraisalCampaign } from '../support/appraisal-fixture.ts';
import { TEST_RULES, compactFrameworkId, unitGroupId } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
let province: AppraisalIds;
let districtCampaignId: string;
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-10T03:00:00Z') });
  province = await appraisalCampaign(t);
  // The district office runs a campaign of its own, for its communes.
  const d1 = await t.as('d1office');
  const res = await d1.post('/api/v1/campaigns', {
    name: 'Đánh giá DTI các xã huyện Đức Thọ 2026',
    year: 2026,
    kind: 'annual',
    ownerUnitId: t.unit('D1'),
    rules: TEST_RULES,
    groups: [
      {
        unitGroupId: await unitGroupId(t),
        frameworkId: await compactFrameworkId(t),
        reportingPeriod: { from: '2025-11-15', to: '2026-11-14' },
        deadlines: { selfAssessment: '2026-11-15' },
        appraiser: 'council',
        unitIds: [t.unit('C1'), t.unit('C2')],
      },
    ],
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  districtCampaignId = res.json().id;
});
afterAll(() => t.close());

describe('a council member of another campaign', () => {
  it('is 404 — like an unknown id — to callers who cannot see that campaign’s bodies; 403 stays for those who see them', async () => {
    const memberId = province.bodyMembers.member!;
    // The district office manages its own campaign's bodies…
    expect((await (await t.as('d1office')).get(`/api/v1/campaigns/${districtCampaignId}/bodies`)).statusCode).toBe(200);
    const got: Record<string, number> = {};
    for (const username of ['d1office', 'rep_c1', 'lead_c1', 'rep_c3', 'support', 'viewer']) {
      const c = await t.as(username);
      const patch = await c.patch(`/api/v1/appraisal-members/${memberId}`, { title: 'Đổi chức danh' });
      const remove = await c.delete(`/api/v1/appraisal-members/${memberId}`);
      got[username] = patch.statusCode;
      expect(remove.statusCode, `DELETE as ${username}`).toBe(patch.statusCode);
      if (patch.statusCode === 404) {
        const unknown = await c.patch(`/api/v1/appraisal-members/${MISSING}`, { title: 'Đổi chức danh' });
        expect(patch.json(), username).toEqual(unknown.json());
      }
    }
    // …but the province campaign's member is none of its business. Unit staff, the support team and viewers
    // hold no role that manages members anywhere: 403 at the route's gate, for any id, known or not.
    expect(got).toEqual({ d1office: 404, rep_c1: 403, lead_c1: 403, rep_c3: 403, support: 403, viewer: 403 });
    const office = await t.as('office');
    const bodies = (await office.get(`/api/v1/campaigns/${province.campaignId}/bodies`)).json();
    expect(bodies.items[0].members.find((m: { id: string }) => m.id === memberId).title).toBeNull();
  });
});
