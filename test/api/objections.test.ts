// Objections (kiến nghị, issue 14 §1) on the real app: the campaign's rules give 5 working days after the
// approval. Before approval → 409 OBJECTION_NOT_OPEN; after it the unit's reporter and leader object to the
// final score of a decided item with text and documents of their library (another unit → 404, other roles →
// 403, a second open objection on the item → 409); the council answers — the assigned member or chair
// upholds with a new final score (the item's final score, the results and the audit follow) or rejects with
// a reason; the support team, an unassigned member → 403; answered twice → 409. Once published, an upheld
// objection asks the DX office for a corrected publication (a new snapshot version, the earlier kept); after
// the 5th working day → 409 OBJECTION_WINDOW_CLOSED. A campaign without the rule → 409 OBJECTION_NOT_OFFERED;
// one that shows results only after publication → no objection on approved results (result_not_shown).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../src/db/schema/supply.ts';
import { type AppraisalIds, acceptEverything, appraisalCampaign, itemUrl } from '../support/appraisal-fixture.ts';
import { pdf } from '../support/sample-files.ts';
import { runPermissionMatrix } from '../support/permission-matrix.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

// Tuesday 10/11/2026 in Vietnam: approved today, the window closes at the end of Tuesday 17/11 (5 working days).
let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let ids: AppraisalIds;
let C1 = '';
const code = (res: { json(): { error?: { code: string } } }) => res.json().error?.code;
const url = (id: string, c: string) => `/api/v1/assessments/${id}/items/${c}/objections`;
const answer = (id: string) => `/api/v1/objections/${id}/answer`;
let first = '';

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  // The unit reads the council's scores once the group is closed, so it can object from the approval on.
  ids = await appraisalCampaign(t, {
    rules: { objectionWindowDays: 5, unitResults: { visibility: 'after_close', showProposed: false } },
  });
  C1 = ids.assessments.C1!;
  const chair = await t.as('chair');
  // The council lowers 1.1 (self 7.5) to 5 before accepting the rest.
  const lowered = await chair.put(itemUrl(C1, '1.1', 'appraisal'), {
    finalScore: 5,
    reason: 'insufficient_evidence',
    comment: 'Thiếu biên bản',
    version: 0,
  });
  if (lowered.statusCode !== 200) throw new Error(lowered.body);
  await acceptEverything(t, ids, chair);
});
afterAll(() => t.close());

describe('objections to the final score', () => {
  it('before the results are approved → 409 OBJECTION_NOT_OPEN; the unit sees no window yet', async () => {
    const res = await (await t.as('rep_c1')).post(url(C1, '1.1'), { text: 'Đề nghị xem lại' });
    expect([res.statusCode, code(res)]).toEqual([409, 'OBJECTION_NOT_OPEN']);
    const view = (await (await t.as('rep_c1')).get(`/api/v1/assessments/${C1}/objections`)).json();
    expect(view).toMatchObject({ offered: true, window: null, refusal: 'not_yet_open', fileable: [] });
  });

  it('the council closes, the office approves: the window opens today and closes after 5 working days', async () => {
    const chair = await t.as('chair');
    const office = await t.as('office');
    expect(
      (await chair.post(`/api/v1/campaigns/${ids.campaignId}/close-appraisal`, { groupId: ids.groupId })).statusCode,
    ).toBe(200);
    const approved = await office.post(`/api/v1/campaigns/${ids.campaignId}/approve`, {
      groupId: ids.groupId,
      decisionNumber: '12/QĐ-UBND',
      decisionDate: '2026-11-10',
    });
    expect(approved.statusCode).toBe(200);
    const view = (await (await t.as('rep_c1')).get(`/api/v1/assessments/${C1}/objections`)).json();
    expect(view).toMatchObject({
      window: { from: 'approval', opens: '2026-11-10', closes: '2026-11-17' },
      refusal: null,
    });
    expect(view.fileable).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4']);
  });

  it("the reporter objects to 1.1 with a document of the unit's library; a second open objection on 1.1 → 409", async () => {
    const rep = await t.as('rep_c1');
    const up = await rep.upload(`/api/v1/units/${t.unit('C1')}/evidence`, 'Biên bản.pdf', pdf('Biên bản bổ sung'));
    expect(up.statusCode).toBe(201);
    const res = await rep.post(url(C1, '1.1'), { text: 'Đơn vị đã có biên bản kiểm tra', evidenceIds: [up.json().id] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: '1.1',
      status: 'open',
      scoreBefore: 5,
      text: 'Đơn vị đã có biên bản kiểm tra',
      evidence: [{ sha256: up.json().sha256 }],
      filedBy: { fullName: 'Người dùng rep_c1' },
      answer: null,
      mayAnswer: false,
    });
    first = res.json().id;
    const again = await (await t.as('lead_c1')).post(url(C1, '1.1'), { text: 'Lần nữa' });
    expect([again.statusCode, code(again)]).toEqual([409, 'OBJECTION_ALREADY_OPEN']);
    const view = (await rep.get(`/api/v1/assessments/${C1}/objections`)).json();
    expect(view.fileable).not.toContain('1.1');
    // Audited on the item.
    const review = (await (await t.as('chair')).get(`/api/v1/assessments/${C1}/review`)).json();
    const item = review.items.find((i: { code: string }) => i.code === '1.1');
    expect(item.history.map((h: { action: string }) => h.action)).toContain('appraisal.objection.file');
  });

  it("another unit's reporter → 404; the office, the council, the support team, a viewer → 403; another library → 400", async () => {
    const other = await (await t.as('rep_c3')).post(url(C1, '1.2'), { text: 'x' });
    expect(other.statusCode).toBe(404);
    for (const u of ['office', 'chair', 'support', 'viewer']) {
      const r = await (await t.as(u)).post(url(C1, '1.2'), { text: 'x' });
      expect([u, r.statusCode, code(r)]).toEqual([u, 403, 'FORBIDDEN']);
    }
    const c3 = await t.as('rep_c3');
    const theirs = await c3.upload(`/api/v1/units/${t.unit('C3')}/evidence`, 'Khác.pdf', pdf('Tài liệu C3'));
    const bad = await (await t.as('lead_c1')).post(url(C1, '1.2'), { text: 'x', evidenceIds: [theirs.json().id] });
    expect([bad.statusCode, code(bad)]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('the leader objects to 2.1; the member assigned to main indicator 1 may not answer it, the support team may not answer at all', async () => {
    const res = await (await t.as('lead_c1')).post(url(C1, '2.1'), { text: 'Số liệu chưa được tính đủ' });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const member = await (await t.as('member')).post(answer(id), { outcome: 'rejected', reason: 'Không' });
    expect([member.statusCode, code(member)]).toEqual([403, 'FORBIDDEN']);
    const support = await (await t.as('support')).post(answer(first), { outcome: 'rejected', reason: 'Không' });
    expect([support.statusCode, code(support)]).toEqual([403, 'FORBIDDEN']);
    const unit = await (await t.as('rep_c1')).post(answer(first), { outcome: 'rejected', reason: 'Không' });
    expect(unit.statusCode).toBe(403);
    // The chair rejects 2.1 with a reason: the final score stays.
    const rejected = await (
      await t.as('chair')
    ).post(answer(id), {
      outcome: 'rejected',
      reason: 'Số liệu đã được đối chiếu với báo cáo',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', answer: 'Số liệu đã được đối chiếu với báo cáo' });
    // The unit is told in the app.
    const told = await t.database.db
      .select({ title: notifications.title, link: notifications.link })
      .from(notifications)
      .where(and(eq(notifications.userId, t.user('lead_c1')), eq(notifications.kind, 'objection_answer')));
    expect(told).toEqual([
      { title: 'Hội đồng thẩm định không chấp nhận kiến nghị về chỉ số 2.1', link: `/assessments/${C1}` },
    ]);
    const twice = await (await t.as('chair')).post(answer(id), { outcome: 'rejected', reason: 'Lại' });
    expect([twice.statusCode, code(twice)]).toEqual([409, 'OBJECTION_ANSWERED']);
  });

  it('upheld needs a new score within the item max; the member assigned to 1 upholds 1.1 at 7.5: the final score and the results follow, audited', async () => {
    const member = await t.as('member');
    const before = (await member.get(`/api/v1/campaigns/${ids.campaignId}/results`)).json();
    const noScore = await member.post(answer(first), { outcome: 'upheld', reason: 'Đủ tài liệu' });
    expect([noScore.statusCode, code(noScore)]).toEqual([400, 'VALIDATION_FAILED']);
    const tooHigh = await member.post(answer(first), { outcome: 'upheld', reason: 'Đủ tài liệu', finalScore: 1000 });
    expect([tooHigh.statusCode, code(tooHigh)]).toEqual([422, 'SCORE_OUT_OF_RANGE']);
    const same = await member.post(answer(first), { outcome: 'upheld', reason: 'Đủ tài liệu', finalScore: 5 });
    expect([same.statusCode, code(same)]).toEqual([400, 'VALIDATION_FAILED']);
    const res = await member.post(answer(first), {
      outcome: 'upheld',
      reason: 'Biên bản kiểm tra đủ căn cứ',
      finalScore: 7.5,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'upheld',
      scoreBefore: 5,
      scoreAfter: 7.5,
      answeredBy: { fullName: 'Người dùng member' },
    });
    const review = (await member.get(`/api/v1/assessments/${C1}/review`)).json();
    const item = review.items.find((i: { code: string }) => i.code === '1.1');
    expect(item.finalScore).toBe(7.5);
    expect(item.history.map((h: { action: string }) => h.action)).toContain('appraisal.objection.uphold');
    const after = (await member.get(`/api/v1/campaigns/${ids.campaignId}/results`)).json();
    const total = (r: { items: { assessmentId: string; finalTotal: number }[] }) =>
      r.items.find((u) => u.assessmentId === C1)!.finalTotal;
    expect(total(after) - total(before)).toBeCloseTo(2.5);
  });

  it('the DX office lists them all; nothing to correct before the first publication; the unit may not read the list', async () => {
    const list = (await (await t.as('office')).get(`/api/v1/campaigns/${ids.campaignId}/objections`)).json();
    expect(list.items.map((o: { code: string; status: string }) => [o.code, o.status])).toEqual([
      ['1.1', 'upheld'],
      ['2.1', 'rejected'],
    ]);
    expect(list).toMatchObject({ correctionDue: [], publishedAt: null });
    expect((await (await t.as('rep_c1')).get(`/api/v1/campaigns/${ids.campaignId}/objections`)).statusCode).toBe(403);
  });

  it('after publication, an upheld objection asks for a corrected publication, which keeps the earlier version', async () => {
    const office = await t.as('office');
    expect((await office.post(`/api/v1/campaigns/${ids.campaignId}/publish`, {})).statusCode).toBe(201);
    now = new Date('2026-11-17T16:00:00Z'); // 23:00 on Tuesday 17/11 in Vietnam: the last day
    const res = await (await t.as('rep_c1')).post(url(C1, '2.2'), { text: 'Đề nghị xem lại 2.2' });
    expect(res.statusCode).toBe(201);
    const scoreBefore = res.json().scoreBefore as number;
    const upheld = await (
      await t.as('chair')
    ).post(answer(res.json().id), {
      outcome: 'upheld',
      reason: 'Chấp nhận số liệu bổ sung',
      finalScore: scoreBefore > 0 ? 0 : 1,
    });
    expect(upheld.statusCode).toBe(200);
    const list = (await office.get(`/api/v1/campaigns/${ids.campaignId}/objections`)).json();
    expect(list.correctionDue).toEqual([res.json().id]);
    const corrected = await office.post(`/api/v1/campaigns/${ids.campaignId}/publish`, {
      reason: 'Đính chính theo 1 kiến nghị được chấp nhận',
    });
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json().snapshot.version).toBe(2);
    const snaps = (await office.get(`/api/v1/campaigns/${ids.campaignId}/snapshots`)).json();
    expect(snaps.items.map((s: { version: number }) => s.version).sort()).toEqual([1, 2]);
    expect((await office.get(`/api/v1/campaigns/${ids.campaignId}/objections`)).json().correctionDue).toEqual([]);
  });

  it('from the day after the 5th working day → 409 OBJECTION_WINDOW_CLOSED with the window', async () => {
    now = new Date('2026-11-17T17:00:00Z'); // 00:00 on Wednesday 18/11 in Vietnam
    const res = await (await t.as('rep_c1')).post(url(C1, '2.3'), { text: 'Muộn' });
    expect([res.statusCode, code(res)]).toEqual([409, 'OBJECTION_WINDOW_CLOSED']);
    expect(res.json().error.details).toEqual({ opens: '2026-11-10', closes: '2026-11-17' });
    const view = (await (await t.as('rep_c1')).get(`/api/v1/assessments/${C1}/objections`)).json();
    expect(view).toMatchObject({ refusal: 'window_closed', fileable: [] });
  });
});

describe('objection reads: permission matrix', () => {
  const CALLERS = [
    'anonymous',
    'office',
    'rep_c1',
    'lead_c1',
    'rep_c3',
    'support',
    'member',
    'chair',
    'viewer',
    'norole',
  ];
  runPermissionMatrix(
    () => t,
    CALLERS,
    {
      'GET /assessments/{C1}/objections': (c) => c.get(`/api/v1/assessments/${C1}/objections`),
      'GET /campaigns/{id}/objections': (c) => c.get(`/api/v1/campaigns/${ids.campaignId}/objections`),
      'POST /objections/{none}/answer': (c) =>
        c.post(answer('00000000-0000-4000-8000-000000000000'), { outcome: 'rejected', reason: 'x' }),
    },
    // prettier-ignore
    [
      //                                  anon office rep_c1 lead_c1 rep_c3 support member chair viewer norole
      ['GET /assessments/{C1}/objections', 401, 200,  200,   200,    404,   200,    200,   200,  200,   404],
      ['GET /campaigns/{id}/objections',   401, 200,  403,   403,    403,   200,    200,   200,  200,   404],
      ['POST /objections/{none}/answer',   401, 404,  404,   404,    404,   404,    404,   404,  404,   404],
    ],
  );
});

describe('objections follow the rules of their campaign', () => {
  it('a campaign whose rules set no window → 409 OBJECTION_NOT_OFFERED', async () => {
    now = new Date('2026-11-10T03:00:00Z');
    const none = await appraisalCampaign(t, { name: 'Không nhận kiến nghị' });
    const res = await (await t.as('rep_c1')).post(url(none.assessments.C1!, '1.1'), { text: 'x' });
    expect([res.statusCode, code(res)]).toEqual([409, 'OBJECTION_NOT_OFFERED']);
    const view = (await (await t.as('rep_c1')).get(`/api/v1/assessments/${none.assessments.C1}/objections`)).json();
    expect(view).toMatchObject({ offered: false, refusal: 'not_offered', window: null, fileable: [] });
  });

  it('results shown to the unit only after publication (the default): approved is not enough, published is', async () => {
    const b = await appraisalCampaign(t, { name: 'Công bố rồi mới thấy', rules: { objectionWindowDays: 5 } });
    const chair = await t.as('chair');
    const office = await t.as('office');
    await acceptEverything(t, b, chair);
    expect(
      (await chair.post(`/api/v1/campaigns/${b.campaignId}/close-appraisal`, { groupId: b.groupId })).statusCode,
    ).toBe(200);
    const approved = await office.post(`/api/v1/campaigns/${b.campaignId}/approve`, {
      groupId: b.groupId,
      decisionNumber: '13/QĐ-UBND',
      decisionDate: '2026-11-10',
    });
    expect(approved.statusCode).toBe(200);
    const rep = await t.as('rep_c1');
    const hidden = await rep.post(url(b.assessments.C1!, '1.1'), { text: 'Chưa thấy điểm' });
    expect([hidden.statusCode, code(hidden), hidden.json().error.details]).toEqual([
      409,
      'OBJECTION_NOT_OPEN',
      { reason: 'result_not_shown' },
    ]);
    expect((await rep.get(`/api/v1/assessments/${b.assessments.C1}/objections`)).json().fileable).toEqual([]);
    expect((await office.post(`/api/v1/campaigns/${b.campaignId}/publish`, {})).statusCode).toBe(201);
    expect((await rep.post(url(b.assessments.C1!, '1.1'), { text: 'Đã thấy điểm' })).statusCode).toBe(201);
  });
});
