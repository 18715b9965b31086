// Units supplement their evidence during appraisal on their own (001 II.3.b; issue 13 §5): before the
// appraisal → 409 SUPPLEMENT_NOT_OPEN; during it the unit's reporter and leader add explanations and
// documents to any item (no request needed), the self score locked (409 SELF_SCORE_LOCKED); another unit
// → 404, another role → 403; the supplement is dated and audited, shown on the item's thread, and raises
// "supplemented since last look" in each reviewer's queue until that reviewer looks at or decides the
// item; after the supplement deadline → 409 SUPPLEMENT_DEADLINE_PASSED; after the council closes the
// group → 409 SUPPLEMENT_CLOSED.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptEverything, submittedCampaign, transition } from '../support/appraisal-fixture.ts';
import { type CampaignIds, addAccount } from '../support/campaign-fixture.ts';
import { pdf } from '../support/sample-files.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let ids: CampaignIds;
let C1 = '';
const code = (res: { json(): { error?: { code: string } } }) => res.json().error?.code;
const url = (id: string, c: string) => `/api/v1/assessments/${id}/items/${c}/supplements`;
const FLAG = 'supplemented_since_last_look';

type QueueRow = { assessmentId: string; code: string; flags: { kind: string }[] };
async function flagged(username: string): Promise<string[]> {
  const c = await t.as(username);
  const q = (await c.get(`/api/v1/appraisal/queue?campaignId=${ids.campaignId}&flag=${FLAG}`)).json() as {
    items: QueueRow[];
  };
  return q.items.filter((i) => i.assessmentId === C1).map((i) => i.code);
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  await addAccount(t, 'rep_c2', 'unit_reporter', 'C2');
  ids = await submittedCampaign(t, { rules: { supplementDeadline: '2026-11-20' } });
  C1 = ids.assessments.C1!;
});
afterAll(() => t.close());

describe('a unit supplements during appraisal on its own', () => {
  it('before the appraisal (self-assessment still open) → 409 SUPPLEMENT_NOT_OPEN', async () => {
    const res = await (await t.as('rep_c1')).post(url(C1, '2.1'), { text: 'Bổ sung sớm' });
    expect([res.statusCode, code(res)]).toEqual([409, 'SUPPLEMENT_NOT_OPEN']);
    expect(res.json().error.details.reason).toBe('appraisal_not_started');
  });

  it('the appraisal starts with a council (chair, support team)', async () => {
    await transition(t, ids.campaignId, 'close_self_assessment');
    await transition(t, ids.campaignId, 'start_appraisal');
    const office = await t.as('office');
    const base = `/api/v1/campaigns/${ids.campaignId}/groups/${ids.groupId}`;
    expect(
      (await office.put(`${base}/body`, { kind: 'council', name: 'Hội đồng thẩm định', decisionRef: null })).statusCode,
    ).toBe(200);
    for (const [u, position] of [
      ['chair', 'chair'],
      ['support', 'support'],
    ] as const)
      expect((await office.post(`${base}/members`, { userId: t.user(u), position })).statusCode).toBe(201);
    now = new Date('2026-11-17T03:00:00Z');
  });

  it("the reporter adds a file and an explanation to an item nobody asked about; the leader explains another; each is dated and on the item's thread", async () => {
    const rep = await t.as('rep_c1');
    const up = await rep.upload(`/api/v1/units/${t.unit('C1')}/evidence`, 'Biên bản.pdf', pdf('Biên bản kiểm tra'));
    expect(up.statusCode).toBe(201);
    const res = await rep.post(url(C1, '2.1'), {
      text: 'Bổ sung biên bản kiểm tra hệ thống',
      evidenceIds: [up.json().id],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: '2.1',
      text: 'Bổ sung biên bản kiểm tra hệ thống',
      evidence: [{ sha256: up.json().sha256 }],
      suppliedBy: { fullName: 'Người dùng rep_c1' },
      suppliedAt: now.toISOString(),
    });
    const lead = await t.as('lead_c1');
    expect((await lead.post(url(C1, '1.2'), { text: 'Giải trình: quyết định ban hành ngày 05/03' })).statusCode).toBe(
      201,
    );
    // The documents count as the item's evidence.
    const a = (await rep.get(`/api/v1/assessments/${C1}`)).json();
    expect(a.items.find((i: { code: string }) => i.code === '2.1').evidenceIds).toContain(up.json().id);
    // The unit, the support team and the council read the thread; the unit may still supplement.
    const mine = (await rep.get(`/api/v1/assessments/${C1}/supplements`)).json();
    expect(mine).toMatchObject({ abilities: { supplement: true }, refusal: null, supplementDeadline: '2026-11-20' });
    // Oldest first (both at the same instant here: then by code).
    expect(mine.items.map((s: { code: string }) => s.code)).toEqual(['1.2', '2.1']);
    const chairView = (await (await t.as('chair')).get(`/api/v1/assessments/${C1}/supplements`)).json();
    expect(chairView).toMatchObject({ abilities: { supplement: false }, refusal: 'not_unit_staff' });
    expect(chairView.items).toHaveLength(2);
    const review = (await (await t.as('support')).get(`/api/v1/assessments/${C1}/review`)).json();
    const item = review.items.find((i: { code: string }) => i.code === '2.1');
    expect(item.supplements).toMatchObject([{ text: 'Bổ sung biên bản kiểm tra hệ thống' }]);
    expect(item.flags.map((f: { kind: string }) => f.kind)).toContain(FLAG);
    // Audited on the item (its history).
    expect(item.history.map((h: { action: string }) => h.action)).toContain('appraisal.supplement.create');
  });

  it('the self score stays locked: a supplement carrying a score, or a save of the item → 409 SELF_SCORE_LOCKED', async () => {
    const rep = await t.as('rep_c1');
    const withScore = await rep.post(url(C1, '1.1'), { text: 'Sửa điểm', selfScore: 10 });
    expect([withScore.statusCode, code(withScore)]).toEqual([409, 'SELF_SCORE_LOCKED']);
    expect(withScore.json().error.details.fields).toEqual(['selfScore']);
    const save = await rep.put(`/api/v1/assessments/${C1}/items/1.1`, { inputs: {}, selfScore: 10, version: 1 });
    expect([save.statusCode, code(save)]).toEqual([409, 'SELF_SCORE_LOCKED']);
    const a = (await rep.get(`/api/v1/assessments/${C1}`)).json();
    expect(a.items.find((i: { code: string }) => i.code === '1.1').selfScore).toBe(7.5);
  });

  it('another unit → 404; the council, support team, DX office or a viewer → 403; a unit that never submitted → 409; documents of another library → 400', async () => {
    const other = await (await t.as('rep_c3')).post(url(C1, '2.1'), { text: 'x' });
    expect(other.statusCode).toBe(404);
    expect((await (await t.as('rep_c3')).get(`/api/v1/assessments/${C1}/supplements`)).statusCode).toBe(404);
    for (const u of ['chair', 'support', 'office', 'viewer']) {
      const r = await (await t.as(u)).post(url(C1, '2.1'), { text: 'x' });
      expect([u, r.statusCode, code(r)]).toEqual([u, 403, 'FORBIDDEN']);
    }
    const never = await (await t.as('rep_c2')).post(url(ids.assessments.C2!, '2.1'), { text: 'x' });
    expect([never.statusCode, code(never)]).toEqual([409, 'SUPPLEMENT_NOT_OPEN']);
    expect(never.json().error.details.reason).toBe('not_submitted');
    const rep3 = await t.as('rep_c3');
    const up = await rep3.upload(`/api/v1/units/${t.unit('C3')}/evidence`, 'Khác.pdf', pdf('Tài liệu của C3'));
    const foreign = await (await t.as('rep_c1')).post(url(C1, '2.1'), { text: 'x', evidenceIds: [up.json().id] });
    expect([foreign.statusCode, code(foreign)]).toEqual([400, 'VALIDATION_FAILED']);
    const empty = await (await t.as('rep_c1')).post(url(C1, '2.1'), { text: '  ' });
    expect([empty.statusCode, code(empty)]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it("the flag is each reviewer's: cleared when they look at or decide the item, raised again by a later supplement", async () => {
    expect(await flagged('chair')).toEqual(['1.2', '2.1']);
    expect(await flagged('support')).toEqual(['1.2', '2.1']);
    const chair = await t.as('chair');
    expect((await chair.post(`/api/v1/assessments/${C1}/items/2.1/looked`)).statusCode).toBe(200);
    expect(await flagged('chair')).toEqual(['1.2']);
    expect(await flagged('support')).toEqual(['1.2', '2.1']);
    // Deciding is looking.
    const support = await t.as('support');
    const proposed = await support.put(`/api/v1/assessments/${C1}/items/1.2/review`, {
      proposedScore: 10,
      version: 0,
    });
    expect(proposed.statusCode).toBe(200);
    expect(await flagged('support')).toEqual(['2.1']);
    // Only reviewers record a look; another unit does not even see the item.
    expect((await (await t.as('rep_c1')).post(`/api/v1/assessments/${C1}/items/2.1/looked`)).statusCode).toBe(403);
    expect((await (await t.as('rep_c3')).post(`/api/v1/assessments/${C1}/items/2.1/looked`)).statusCode).toBe(404);
    now = new Date('2026-11-17T04:00:00Z');
    expect((await (await t.as('rep_c1')).post(url(C1, '2.1'), { text: 'Bổ sung lần hai' })).statusCode).toBe(201);
    expect(await flagged('chair')).toEqual(['1.2', '2.1']);
    const row = (
      (await chair.get(`/api/v1/appraisal/queue?campaignId=${ids.campaignId}&code=2.1`)).json() as {
        items: (QueueRow & { flags: { kind: string; count?: number; lastAt?: string }[] })[];
      }
    ).items.find((i) => i.assessmentId === C1)!;
    expect(row.flags.find((f) => f.kind === FLAG)).toEqual({ kind: FLAG, count: 1, lastAt: now.toISOString() });
  });

  it('until the end of the supplement deadline in Vietnam; after it → 409 SUPPLEMENT_DEADLINE_PASSED', async () => {
    const rep = await t.as('rep_c1');
    now = new Date('2026-11-20T16:59:00Z'); // 23:59 on the 20th in Vietnam
    expect((await rep.post(url(C1, '1.3'), { text: 'Kịp hạn' })).statusCode).toBe(201);
    now = new Date('2026-11-20T17:00:01Z'); // 00:00 on the 21st in Vietnam
    const late = await rep.post(url(C1, '1.3'), { text: 'Muộn' });
    expect([late.statusCode, code(late)]).toEqual([409, 'SUPPLEMENT_DEADLINE_PASSED']);
    expect(late.json().error.details).toEqual({ deadline: '2026-11-20' });
    expect((await rep.get(`/api/v1/assessments/${C1}/supplements`)).json()).toMatchObject({
      abilities: { supplement: false },
      refusal: 'deadline_passed',
    });
  });

  it('once the council closes the group → 409 SUPPLEMENT_CLOSED', async () => {
    await acceptEverything(t, ids);
    const closed = await (
      await t.as('chair')
    ).post(`/api/v1/campaigns/${ids.campaignId}/close-appraisal`, { groupId: ids.groupId });
    expect(closed.statusCode).toBe(200);
    const res = await (await t.as('lead_c1')).post(url(C1, '2.2'), { text: 'Sau khi kết thúc' });
    expect([res.statusCode, code(res)]).toEqual([409, 'SUPPLEMENT_CLOSED']);
    expect(res.json().error.details.reason).toBe('appraisal_closed');
  });
});
