// Issue 14 §1: the unit sees what the council did to its items — self, proposed (when the campaign shows
// it), final, the change, the reason and the council's comment — from the moment the campaign's rule says:
// by default once published; after each decision, or after the council closes, when the campaign chooses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appraisalCampaign, itemUrl } from '../support/appraisal-fixture.ts';
import { type PublishedIds, publishedCampaign } from '../support/published-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let now = new Date('2026-11-10T03:00:00Z');
const clock = { set: (d: Date) => (now = d) };
let t: TestApp;
let ids: PublishedIds;
const seenBeforePublication: unknown[] = [];

type Seen = {
  appraisal: {
    visibility: string;
    groupClosed: boolean;
    published: boolean;
    items: Record<string, Record<string, unknown>>;
  } | null;
};
const seenBy = async (username: string, assessmentId: string) =>
  ((await (await t.as(username)).get(`/api/v1/assessments/${assessmentId}`)).json() as Seen).appraisal;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  ids = await publishedCampaign(t, clock, {
    beforePublish: async (approved) => {
      seenBeforePublication.push(await seenBy('rep_c1', approved.assessments.C1!));
    },
  });
});
afterAll(() => t.close());

describe('by default (after publication)', () => {
  it('before publication the unit sees none of the council’s work, even once the appraisal is closed and approved', () => {
    expect(seenBeforePublication[0]).toMatchObject({
      visibility: 'after_publication',
      groupClosed: true,
      items: {},
      result: null,
    });
  });

  it('once published, the unit reads self, final, the change, the reason and the council’s comment', async () => {
    const seen = await seenBy('rep_c1', ids.assessments.C1!);
    expect(seen?.published).toBe(true);
    expect(seen?.items['1.1']).toMatchObject({
      selfScore: 7.5,
      finalScore: 6,
      delta: -1.5,
      finalReason: 'insufficient_evidence',
      finalComment: 'BÌNH LUẬN NỘI BỘ',
      proposedScore: null,
    });
    // An item accepted as it was: no change.
    expect(seen?.items['1.2']).toMatchObject({ delta: 0, finalReason: null });
    // The totals as the signed publication states them, per main indicator too.
    const result = (
      seen as unknown as {
        result: Record<string, unknown> & { mainIndicators: { code: string; self: number; final: number }[] };
      }
    ).result;
    expect(result).toMatchObject({ snapshotVersion: 1, groupSize: 3 });
    expect(Number(result.selfTotal) - Number(result.finalTotal)).toBeCloseTo(1.5);
    const first = result.mainIndicators.find((m) => m.code === '1')!;
    expect(first.self - first.final).toBeCloseTo(1.5);
  });
});

describe('when the campaign chooses', () => {
  it('after each decision: a decided item at once, with the proposal when the campaign shows it; nothing else', async () => {
    clock.set(new Date('2026-11-10T03:00:00Z')); // before the fixture's self-assessment deadline
    const c = await appraisalCampaign(t, {
      name: 'Thẩm định — công khai từng quyết định',
      rules: { unitResults: { visibility: 'after_decision', showProposed: true } },
    });
    const C1 = c.assessments.C1!;
    expect((await seenBy('rep_c1', C1))?.items).toEqual({});
    const support = await t.as('support');
    const proposed = await support.put(itemUrl(C1, '1.3', 'review'), {
      proposedScore: 0,
      reason: 'wrong_calculation',
      comment: 'Chưa đúng mức',
      version: 0,
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    const chair = await t.as('chair');
    const decided = await chair.put(itemUrl(C1, '1.1', 'appraisal'), {
      finalScore: 5,
      reason: 'insufficient_evidence',
      comment: 'Thiếu quyết định thành lập',
      version: 0,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const seen = (await seenBy('rep_c1', C1))!;
    expect(Object.keys(seen.items).sort()).toEqual(['1.1', '1.3']);
    expect(seen.items['1.1']).toMatchObject({ finalScore: 5, delta: -2.5, finalComment: 'Thiếu quyết định thành lập' });
    expect(seen.items['1.3']).toMatchObject({
      proposedScore: 0,
      proposedReason: 'wrong_calculation',
      finalScore: null,
    });
    // Another unit's reporter reads nothing of it (its own form is not this one).
    expect((await (await t.as('rep_c3')).get(`/api/v1/assessments/${C1}`)).statusCode).toBe(404);
  });

  it('after the council closes: nothing while it works, everything once closed', async () => {
    clock.set(new Date('2026-11-10T03:00:00Z')); // before the fixture's self-assessment deadline
    const c = await appraisalCampaign(t, {
      name: 'Thẩm định — công khai khi kết thúc',
      rules: { unitResults: { visibility: 'after_close', showProposed: false } },
    });
    const C1 = c.assessments.C1!;
    const chair = await t.as('chair');
    const decided = await chair.put(itemUrl(C1, '1.1', 'appraisal'), {
      finalScore: 5,
      reason: 'insufficient_evidence',
      comment: 'Thiếu quyết định thành lập',
      version: 0,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await seenBy('rep_c1', C1))?.items).toEqual({});
    const queue = (await chair.get(`/api/v1/appraisal/queue?campaignId=${c.campaignId}`)).json() as {
      items: { assessmentId: string; code: string; version: number; status: string }[];
    };
    const open = queue.items.filter((i) => i.status !== 'final');
    await chair.post('/api/v1/appraisal/bulk-accept', {
      items: open.map(({ assessmentId, code, version }) => ({ assessmentId, code, version })),
    });
    const closed = await chair.post(`/api/v1/campaigns/${c.campaignId}/close-appraisal`, { groupId: c.groupId });
    expect(closed.statusCode, closed.body).toBe(200);
    const seen = (await seenBy('rep_c1', C1))!;
    expect(seen.groupClosed).toBe(true);
    expect(seen.items['1.1']).toMatchObject({ finalScore: 5, delta: -2.5 });
    expect(Object.keys(seen.items).length).toBeGreaterThan(1);
  });
});
