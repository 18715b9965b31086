// Issue 13 §4: the API used to drop rules.rankBy and the tie-break, so a campaign could not choose. Both
// are kept, editable while a draft, validated, and reach the ranking (GET /campaigns/{id}/results).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-10T03:00:00Z') });
});
afterAll(() => t.close());

describe('rankBy and the tie-break are campaign rules', () => {
  it('created with rankBy points and a tie-break by main indicator 2: both are kept, then edited', async () => {
    const ids = await createCampaign(t, {
      draft: true,
      name: 'Xếp hạng theo tổng điểm',
      rules: { rankBy: 'points', tieBreak: ['2', '1'] },
    });
    const office = await t.as('office');
    const got = (await office.get(`/api/v1/campaigns/${ids.campaignId}`)).json();
    expect(got.rules).toMatchObject({ rankBy: 'points', tieBreak: ['2', '1'] });
    const patched = await office.patch(`/api/v1/campaigns/${ids.campaignId}`, {
      rules: { ...got.rules, rankBy: 'percent', tieBreak: [] },
      rowVersion: got.rowVersion,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().rules).toMatchObject({ rankBy: 'percent', tieBreak: [] });
  });

  it('an unknown ranking key → 400 VALIDATION_FAILED', async () => {
    const ids = await createCampaign(t, { draft: true, name: 'Khóa lạ' });
    const office = await t.as('office');
    const got = (await office.get(`/api/v1/campaigns/${ids.campaignId}`)).json();
    const res = await office.patch(`/api/v1/campaigns/${ids.campaignId}`, {
      rules: { ...got.rules, rankBy: 'votes' },
      rowVersion: got.rowVersion,
    });
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
