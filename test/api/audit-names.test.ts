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
  objectId: string;
  after: Record<string, unknown> | null;
  names: Record<string, string>;
  fields: Record<string, string>;
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

  it("what an entry refers to inside it is named too: a council member's account, an item's inputs in the index set's words", async () => {
    const ids = await appraisalCampaign(t, { name: 'Kỳ ghi tên trong nhật ký', deadline: SYSTEM_CLOCK_DEADLINE });
    const admin = await t.as('admin');
    const bodies = (await admin.get('/api/v1/audit?objectType=appraisal_member&pageSize=50')).json() as {
      items: Entry[];
    };
    const added = bodies.items.find((e) => e.action === 'appraisal.member.add')!;
    const userId = added.after!['userId'] as string;
    const user = (await admin.get(`/api/v1/users/${userId}`)).json() as { fullName: string };
    expect(added.names[userId]).toBe(user.fullName);
    // The body's id is a council's: named as well; nothing the page cannot name is sent as a name.
    expect(Object.keys(added.names).every((id) => JSON.stringify(added.after).includes(id))).toBe(true);

    const items = (await admin.get('/api/v1/audit?objectType=assessment_item&pageSize=200')).json() as {
      items: Entry[];
    };
    const ratio = items.items.find(
      (e) => e.action === 'assessment.item.save' && e.objectId === `${ids.assessments.C1}:2.1`,
    )!;
    expect(ratio.after!['inputs']).toBeTruthy();
    expect(ratio.fields).toEqual({ 'input:a': 'Hồ sơ trực tuyến', 'input:b': 'Tổng hồ sơ' });
    // An entry about no index set's keys carries none.
    const decided = items.items.filter((e) => e.action !== 'assessment.item.save');
    for (const e of decided) expect(e.fields).toEqual({});
  });
});
