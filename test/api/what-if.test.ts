// POST /campaigns/{id}/what-if: the unit's result, band and rank recomputed by the engine with changed
// final scores; nothing saved (reviews, items and snapshots are the same rows afterwards); scores
// outside 0…max, unknown codes and group nodes → 400. On a published campaign every reader of the unit
// may ask; before publication only the appraisers and the office (provisional).
// Fixture scores (compact set, 100 points): C1 67.5 (Trung bình), C3 70 after the council raised its
// 1.1 to 10 (Khá), C2 never submitted (forced Yếu, ranked last).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemReviews, snapshots } from '../../src/db/schema/appraisal.ts';
import { assessmentItems, assessments } from '../../src/db/schema/campaigns.ts';
import type { CampaignIds } from '../support/campaign-fixture.ts';
import { runCampaign } from '../support/dashboard-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let pub: CampaignIds;
let live: CampaignIds;
beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  const setNow = (d: Date) => (now = d);
  pub = await runCampaign(t, {
    name: 'DTI cấp xã 2026',
    year: 2026,
    setNow,
    finals: [{ unit: 'C3', code: '1.1', score: 10 }],
    until: 'published',
  });
  live = await runCampaign(t, {
    name: 'DTI cấp xã 2026 (đang thẩm định)',
    year: 2026,
    setNow,
    finals: [{ unit: 'C1', code: '1.1', score: 5 }],
    until: 'appraisal',
  });
});
afterAll(() => t.close());

const url = (ids: CampaignIds) => `/api/v1/campaigns/${ids.campaignId}/what-if`;

async function tables() {
  const db = t.database.db;
  const ids = Object.values(pub.assessments);
  const rows = [];
  for (const id of ids) {
    rows.push(await db.select().from(itemReviews).where(eq(itemReviews.assessmentId, id)));
    rows.push(await db.select().from(assessmentItems).where(eq(assessmentItems.assessmentId, id)));
    rows.push(await db.select().from(assessments).where(eq(assessments.id, id)));
  }
  rows.push(await db.select().from(snapshots));
  return JSON.stringify(rows);
}

describe('what-if', () => {
  it('recomputes band and rank: C1 with 1.1 at 10 reaches 70 % (Khá) and shares rank 1 with C3; nothing is saved', async () => {
    const before = await tables();
    const res = await (
      await t.as('office')
    ).post(url(pub), { unitId: t.unit('C1'), changes: [{ code: '1.1', score: 10 }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      saved: false,
      provisional: false,
      groupSize: 3,
      changes: [{ code: '1.1', from: 7.5, to: 10 }],
      before: { finalTotal: 67.5, percent: 67.5, band: { code: 'tb' }, rank: 2 },
      after: { finalTotal: 70, percent: 70, band: { code: 'kha' }, rank: 1 },
      bandChanged: true,
      rankChange: 1,
    });
    expect(await tables()).toBe(before);
    // The published results are unchanged.
    const results = (await (await t.as('office')).get(`/api/v1/campaigns/${pub.campaignId}/results`)).json();
    expect(results.items.find((i: { unit: { code: string } }) => i.unit.code === 'C1')).toMatchObject({
      finalTotal: 67.5,
      rank: 2,
    });
  });

  it('a lower score moves the unit down a band; C2 (not submitted) stays forced to Yếu whatever its points', async () => {
    const office = await t.as('office');
    const down = (
      await office.post(url(pub), {
        unitId: t.unit('C1'),
        changes: [
          { code: '1.3', score: 0 },
          { code: '2.1', score: 0 },
        ],
      })
    ).json();
    expect(down).toMatchObject({ after: { finalTotal: 42.5, band: { code: 'yeu' }, rank: 2 }, bandChanged: true });
    const c2 = (await office.post(url(pub), { unitId: t.unit('C2'), changes: [{ code: '1.3', score: 20 }] })).json();
    expect(c2).toMatchObject({
      before: { band: { code: 'yeu' }, rank: 3, status: 'forced_lowest_band' },
      after: { finalTotal: 20, band: { code: 'yeu' }, rank: 3 },
      bandChanged: false,
    });
  });

  it('invalid scores → 400 SCORE_INVALID; unknown codes, group nodes, N/A-free duplicates and empty changes → 400 VALIDATION_FAILED', async () => {
    const office = await t.as('office');
    const ask = (changes: unknown) => office.post(url(pub), { unitId: t.unit('C1'), changes });
    const code = async (changes: unknown) => {
      const r = await ask(changes);
      return [r.statusCode, r.json().error?.code];
    };
    expect(await code([{ code: '1.1', score: 10.25 }])).toEqual([400, 'SCORE_INVALID']);
    expect(await code([{ code: '1.3', score: -1 }])).toEqual([400, 'SCORE_INVALID']);
    expect(await code([{ code: '9.9', score: 1 }])).toEqual([400, 'VALIDATION_FAILED']);
    expect(await code([{ code: '1', score: 1 }])).toEqual([400, 'VALIDATION_FAILED']);
    expect(
      await code([
        { code: '1.1', score: 1 },
        { code: '1.1', score: 2 },
      ]),
    ).toEqual([400, 'VALIDATION_FAILED']);
    expect(await code([])).toEqual([400, 'VALIDATION_FAILED']);
    expect(await code([{ code: '1.1', score: 'mười' }])).toEqual([400, 'VALIDATION_FAILED']);
    expect(
      (await office.post(url(pub), { unitId: 'khong-phai-uuid', changes: [{ code: '1.1', score: 1 }] })).statusCode,
    ).toBe(400);
  });

  it('before publication: provisional for the office (final scores so far); the unit itself → 403', async () => {
    const res = (
      await (await t.as('office')).post(url(live), { unitId: t.unit('C1'), changes: [{ code: '1.1', score: 10 }] })
    ).json();
    // Only C1's 1.1 is appraised so far (5 points): the rest counts 0.
    expect(res).toMatchObject({
      provisional: true,
      before: { finalTotal: 5 },
      after: { finalTotal: 10 },
      saved: false,
    });
    const rep = await (
      await t.as('rep_c1')
    ).post(url(live), { unitId: t.unit('C1'), changes: [{ code: '1.1', score: 10 }] });
    expect([rep.statusCode, rep.json().error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it("permission rows: anonymous 401; the unit's own people and every reader of its results 200; another unit or no role → 404", async () => {
    const body = { unitId: t.unit('C1'), changes: [{ code: '1.1', score: 10 }] };
    const expected: Record<string, number> = {
      admin: 200,
      office: 200,
      d1office: 200,
      rep_c1: 200,
      lead_c1: 200,
      rep_c3: 404,
      support: 200,
      member: 200,
      chair: 200,
      viewer: 200,
      norole: 404,
    };
    const got: Record<string, number> = {};
    for (const name of Object.keys(expected)) got[name] = (await (await t.as(name)).post(url(pub), body)).statusCode;
    expect(got).toEqual(expected);
    expect((await t.anonymous.post(url(pub), body)).statusCode).toBe(401);
    // A unit outside the campaign (X1) and an unknown campaign → 404.
    expect((await (await t.as('office')).post(url(pub), { ...body, unitId: t.unit('X1') })).statusCode).toBe(404);
    expect(
      (await (await t.as('office')).post('/api/v1/campaigns/00000000-0000-4000-8000-000000000000/what-if', body))
        .statusCode,
    ).toBe(404);
  });
});
