// Issue 14 §6: the audit log says who did what to which unit and item — names beside the ids, resolved
// per page — so the page never shows a UUID or an action code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLOCK_DEADLINE } from '../support/campaign-fixture.ts';
import { appraisalCampaign, itemUrl } from '../support/appraisal-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Entry = {
  action: string;
  unitName: string | null;
  object: {
    name: string | null;
    itemCode: string | null;
    campaignName: string | null;
    link: { kind: string; id: string } | null;
  };
};

describe('the audit log in names', () => {
  it('an appraisal decision reads: the unit, the item, the campaign, a link to the form', async () => {
    const ids = await appraisalCampaign(t, { name: 'Kỳ ghi nhật ký', deadline: SYSTEM_CLOCK_DEADLINE });
    const chair = await t.as('chair');
    const decided = await chair.put(itemUrl(ids.assessments.C1!, '1.1', 'appraisal'), {
      finalScore: 5,
      reason: 'insufficient_evidence',
      comment: 'Thiếu quyết định',
      version: 0,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const admin = await t.as('admin');
    const page = (await admin.get('/api/v1/audit?objectType=assessment_item&pageSize=20')).json() as { items: Entry[] };
    const entry = page.items.find((e) => e.action === 'appraisal.item.appraise')!;
    const unitName = (await admin.get(`/api/v1/org-units/${t.unit('C1')}`)).json().name as string;
    expect(entry).toMatchObject({
      unitName,
      object: {
        name: unitName,
        itemCode: '1.1',
        campaignName: 'Kỳ ghi nhật ký',
        link: { kind: 'assessment', id: ids.assessments.C1 },
      },
    });
    const campaigns = (await admin.get('/api/v1/audit?objectType=campaign&pageSize=50')).json() as { items: Entry[] };
    expect(
      campaigns.items.find((e) => e.action === 'campaign.create' && e.object.name === 'Kỳ ghi nhật ký'),
    ).toBeTruthy();
  });
});
