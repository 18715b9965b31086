// Appraisal of not-applicable items under the replacement rule: the council's group decision, the
// replacement's max, and the results that follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppraisalIds, acceptEverything, appraisalCampaign, itemUrl } from '../support/appraisal-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  // The same first campaign as the loop's file (accounts, units, bodies), so the second one meets the same world.
  await appraisalCampaign(t);
  now = new Date('2026-11-17T03:00:00Z');
});
afterAll(() => t.close());

const code = (res: { json(): { error?: { code: string } } }) => res.json().error?.code;

describe('not applicable and replacement', () => {
  let r: AppraisalIds;
  beforeAll(async () => {
    now = new Date('2026-11-10T03:00:00Z');
    r = await appraisalCampaign(t, { name: 'Thay thế chỉ số', rules: { notApplicable: 'replacement' } });
    now = new Date('2026-11-17T03:00:00Z');
  });

  it("a replacement's score is bounded by the slot's max; a code of the set is refused as replacement", async () => {
    const chair = await t.as('chair');
    const C1r = r.assessments.C1!;
    expect(
      code(
        await chair.put(itemUrl(C1r, '1.2', 'appraisal'), {
          finalScore: 12,
          notApplicable: true,
          replacementCode: 'HD.1',
          comment: 'Thay bằng chỉ số bổ sung',
          version: 0,
        }),
      ),
    ).toBe('SCORE_OUT_OF_RANGE');
    expect(
      code(
        await chair.put(itemUrl(C1r, '1.2', 'appraisal'), {
          finalScore: 5,
          notApplicable: true,
          replacementCode: '2.1',
          comment: 'x',
          version: 0,
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    const ok = await chair.put(itemUrl(C1r, '1.2', 'appraisal'), {
      finalScore: 8,
      notApplicable: true,
      replacementCode: 'HD.1',
      comment: 'Thay bằng chỉ số bổ sung',
      version: 0,
    });
    expect(ok.json()).toMatchObject({ notApplicable: true, replacementCode: 'HD.1', finalScore: 8 });
  });

  it('group-wide not applicable: only the chair or vice chair; it counts for every unit', async () => {
    const url = `/api/v1/campaigns/${r.campaignId}/groups/${r.groupId}/not-applicable/2.3`;
    expect((await (await t.as('member')).put(url, { reason: 'Chưa có hướng dẫn của cấp trên' })).statusCode).toBe(403);
    expect((await (await t.as('chair')).put(url, { reason: 'Chưa có hướng dẫn của cấp trên' })).statusCode).toBe(200);
    await acceptEverything(t, r);
    const res = (await (await t.as('office')).get(`/api/v1/campaigns/${r.campaignId}/results`)).json();
    for (const u of res.items.filter((i: { submitted: boolean }) => i.submitted))
      expect(u.notApplicableCodes).toContain('2.3');
    expect(res.items.find((i: { unit: { code: string } }) => i.unit.code === 'C1').applicableMax).toBe(90);
  });
});
