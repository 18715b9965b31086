// Issue 14 §1: each role's home page is a task inbox. GET /me/inbox answers what waits for the caller —
// codes and parameters with deadlines, sorted by deadline — at each stage of a campaign: the unit's items
// to fill and problems before submitting, the council's requests to answer, the published result; the
// support team's and council's queue counts, answered requests; the chair's "close the appraisal"; the DX
// office's next step. Past forms stay on "Tự đánh giá của đơn vị".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxTask } from '../../src/contract/inbox.ts';
import { acceptEverything, appraisalCampaign, itemUrl } from '../support/appraisal-fixture.ts';
import { createOpenCampaign, fillAll } from '../support/campaign-fixture.ts';
import { publishedCampaign } from '../support/published-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let now = new Date('2026-11-10T03:00:00Z');
const clock = { set: (d: Date) => (now = d) };
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
});
afterAll(() => t.close());

async function inbox(username: string, campaignId: string): Promise<InboxTask[]> {
  const res = await (await t.as(username)).get('/api/v1/me/inbox');
  expect(res.statusCode, res.body).toBe(200);
  const items = (res.json() as { items: InboxTask[] }).items;
  // Sorted by deadline, the nearest first, tasks without one last.
  const deadlines = items.map((i) => i.deadline ?? '9999-12-31');
  expect(deadlines).toEqual([...deadlines].sort());
  return items.filter((i) => i.campaign.id === campaignId);
}
const kinds = (items: InboxTask[]) => items.map((i) => i.kind).sort();

describe('self-assessment open', () => {
  it('the reporter: items to fill and problems before submitting, by the self-assessment deadline', async () => {
    clock.set(new Date('2026-11-10T03:00:00Z'));
    const c = await createOpenCampaign(t, { name: 'Hộp việc — tự đánh giá' });
    const mine = (await (await t.as('rep_c1')).get('/api/v1/assessments/mine')).json() as {
      items: { id: string; deadline: string }[];
    };
    const deadline = mine.items.find((i) => i.id === c.assessments.C1)!.deadline;
    const tasks = await inbox('rep_c1', c.campaignId);
    expect(kinds(tasks)).toEqual(['fill_items', 'fix_problems']);
    const fill = tasks.find((i) => i.kind === 'fill_items')!;
    expect(fill).toMatchObject({
      assessmentId: c.assessments.C1,
      unit: { id: t.unit('C1') },
      counts: { missing: 7, total: 7 },
      deadline,
      daysRemaining: 5,
      action: null,
    });
    expect(tasks.find((i) => i.kind === 'fix_problems')!.counts.problems).toBeGreaterThan(0);
    // Another unit's reporter sees its own form only; the council has nothing yet.
    expect((await inbox('rep_c3', c.campaignId)).every((i) => i.assessmentId === c.assessments.C3)).toBe(true);
    expect(await inbox('chair', c.campaignId)).toEqual([]);
    expect(await inbox('viewer', c.campaignId)).toEqual([]);
  });

  it('once every item is filled, the leader is told to submit; the DX office to close self-assessment by its deadline', async () => {
    clock.set(new Date('2026-11-10T03:00:00Z'));
    const c = await createOpenCampaign(t, { name: 'Hộp việc — đủ chỉ số' });
    await fillAll(t, c.assessments.C1!, 'rep_c1');
    expect(kinds(await inbox('lead_c1', c.campaignId))).toEqual(['submit']);
    const office = await inbox('office', c.campaignId);
    expect(office).toHaveLength(1);
    expect(office[0]).toMatchObject({ kind: 'campaign_step', action: 'close_self_assessment', daysRemaining: 5 });
    expect(office[0]!.deadline).not.toBeNull();
    // A district's DX office does not run the province's campaign: not its step.
    expect(await inbox('d1office', c.campaignId)).toEqual([]);
  });
});

describe('under appraisal', () => {
  it('queues, requests to answer and answered, then "close the appraisal" once everything is decided', async () => {
    clock.set(new Date('2026-11-10T03:00:00Z'));
    const c = await appraisalCampaign(t, { name: 'Hộp việc — thẩm định' });
    const C1 = c.assessments.C1!;
    // The submitted form stays on the unit's list after self-assessment closed.
    const mine = (await (await t.as('rep_c1')).get('/api/v1/assessments/mine')).json() as {
      items: { id: string; status: string; campaign: { status: string } }[];
    };
    expect(mine.items.find((i) => i.id === C1)).toMatchObject({
      status: 'submitted',
      campaign: { status: 'under_appraisal' },
    });

    const support = (await inbox('support', c.campaignId)).find((i) => i.kind === 'appraise_queue')!;
    expect(support).toMatchObject({ group: { id: c.groupId }, counts: { toPropose: 14, toDecide: 0, units: 2 } });
    const chair = await inbox('chair', c.campaignId);
    expect(kinds(chair)).toEqual(['appraise_queue']);
    expect(chair[0]!.counts).toMatchObject({ toPropose: 0, toDecide: 14, answered: 0 });
    expect(await inbox('office', c.campaignId)).toMatchObject([{ kind: 'campaign_step', action: 'approve' }]);

    // The council asks; the unit has a request to answer by its deadline.
    const member = await t.as('member');
    const asked = await member.post(itemUrl(C1, '1.2', 'requests'), {
      kind: 'more_evidence',
      message: 'Đề nghị bổ sung kế hoạch',
      deadline: '2026-11-20',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const rep = await inbox('rep_c1', c.campaignId);
    expect(rep).toMatchObject([
      { kind: 'answer_requests', counts: { open: 1 }, deadline: '2026-11-20', assessmentId: C1, daysRemaining: 10 },
    ]);
    expect(await inbox('rep_c3', c.campaignId)).toEqual([]);

    // The unit answers: the request leaves its inbox and shows as answered in the council's.
    const replied = await (
      await t.as('rep_c1')
    ).post(`/api/v1/requests/${asked.json().id}/replies`, {
      text: 'Gửi kèm Kế hoạch số 15/KH-UBND',
      evidenceIds: [],
    });
    expect(replied.statusCode, replied.body).toBe(201);
    expect(await inbox('rep_c1', c.campaignId)).toEqual([]);
    expect((await inbox('chair', c.campaignId))[0]!.counts.answered).toBe(1);

    // Everything decided: the chair is led to close the group's appraisal; the queue task is gone.
    await acceptEverything(t, c);
    const done = await inbox('chair', c.campaignId);
    expect(done).toMatchObject([{ kind: 'close_appraisal', group: { id: c.groupId }, counts: { units: 2 } }]);
    // Only the chair closes: a member has nothing left.
    expect(await inbox('member', c.campaignId)).toEqual([]);
    const closed = await (
      await t.as('chair')
    ).post(`/api/v1/campaigns/${c.campaignId}/close-appraisal`, {
      groupId: c.groupId,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await inbox('chair', c.campaignId)).toEqual([]);
  });
});

describe('published', () => {
  it('the unit reads its result; the form stays listed, read-only; nothing is left for the office', async () => {
    const c = await publishedCampaign(t, clock, { name: 'Hộp việc — công bố' });
    const rep = await inbox('rep_c1', c.campaignId);
    expect(rep).toMatchObject([{ kind: 'result', assessmentId: c.assessments.C1, deadline: null }]);
    expect(rep[0]!.counts.groupSize).toBe(3);
    const mine = (await (await t.as('rep_c1')).get('/api/v1/assessments/mine')).json() as {
      items: { id: string; campaign: { status: string } }[];
    };
    expect(mine.items.find((i) => i.id === c.assessments.C1)?.campaign.status).toBe('published');
    expect(await inbox('office', c.campaignId)).toEqual([]);
    expect(await inbox('chair', c.campaignId)).toEqual([]);
  });
});

describe('objections', () => {
  it('the unit: the window to object by its last day, then its objection waiting and answered; the council and the office: objections to answer, then a correction to publish', async () => {
    // Tuesday 10/11/2026 in Vietnam: approved today, the window closes at the end of Tuesday 17/11.
    clock.set(new Date('2026-11-10T03:00:00Z'));
    const c = await appraisalCampaign(t, {
      name: 'Hộp việc — kiến nghị',
      rules: { objectionWindowDays: 5, unitResults: { visibility: 'after_close', showProposed: false } },
    });
    const C1 = c.assessments.C1!;
    await acceptEverything(t, c);
    const chair = await t.as('chair');
    const office = await t.as('office');
    expect(
      (await chair.post(`/api/v1/campaigns/${c.campaignId}/close-appraisal`, { groupId: c.groupId })).statusCode,
    ).toBe(200);
    const approved = await office.post(`/api/v1/campaigns/${c.campaignId}/approve`, {
      groupId: c.groupId,
      decisionNumber: '21/QĐ-UBND',
      decisionDate: '2026-11-10',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const of = (items: InboxTask[], kind: InboxTask['kind']) => items.filter((i) => i.kind === kind);

    // The results are shown and the window is open: the unit may object, by its last day.
    let rep = await inbox('rep_c1', c.campaignId);
    expect(of(rep, 'objection_window')).toMatchObject([
      { assessmentId: C1, counts: { items: 7 }, deadline: '2026-11-17', daysRemaining: 7 },
    ]);
    expect(of(await inbox('lead_c1', c.campaignId), 'objection_window')).toHaveLength(1);
    expect(of(await inbox('chair', c.campaignId), 'campaign_objections')).toEqual([]);

    // The reporter objects to 1.1: waiting for an answer; the window stays for the other items.
    const filed = await (
      await t.as('rep_c1')
    ).post(`/api/v1/assessments/${C1}/items/1.1/objections`, { text: 'Đơn vị đã có biên bản kiểm tra' });
    expect(filed.statusCode, filed.body).toBe(201);
    rep = await inbox('rep_c1', c.campaignId);
    expect(of(rep, 'objections_pending')).toMatchObject([{ assessmentId: C1, counts: { open: 1 }, deadline: null }]);
    expect(of(rep, 'objection_window')[0]!.counts.items).toBe(6);
    // Another unit has no objection of its own.
    expect(of(await inbox('rep_c3', c.campaignId), 'objections_pending')).toEqual([]);

    // The council's chair and the member assigned to 1.1 answer it; the office follows; the support team does not.
    expect(of(await inbox('chair', c.campaignId), 'campaign_objections')).toMatchObject([
      { counts: { open: 1, mayAnswer: 1, units: 1, correctionDue: 0 }, assessmentId: null },
    ]);
    expect(of(await inbox('member', c.campaignId), 'campaign_objections')[0]?.counts.mayAnswer).toBe(1);
    expect(of(await inbox('office', c.campaignId), 'campaign_objections')).toMatchObject([
      { counts: { open: 1, mayAnswer: 0, correctionDue: 0 } },
    ]);
    expect(of(await inbox('support', c.campaignId), 'campaign_objections')).toEqual([]);

    // Published, then upheld: the unit reads the outcome; the office is asked for a corrected publication.
    expect((await office.post(`/api/v1/campaigns/${c.campaignId}/publish`, {})).statusCode).toBe(201);
    clock.set(new Date('2026-11-11T03:00:00Z'));
    const upheld = await chair.post(`/api/v1/objections/${filed.json().id}/answer`, {
      outcome: 'upheld',
      reason: 'Biên bản kiểm tra hợp lệ',
      finalScore: (filed.json().scoreBefore as number) > 0 ? 0 : 1,
    });
    expect(upheld.statusCode, upheld.body).toBe(200);
    rep = await inbox('rep_c1', c.campaignId);
    expect(of(rep, 'objections_pending')).toEqual([]);
    expect(of(rep, 'objections_answered')).toMatchObject([{ counts: { upheld: 1, rejected: 0 } }]);
    expect(of(await inbox('chair', c.campaignId), 'campaign_objections')).toEqual([]);
    expect(of(await inbox('office', c.campaignId), 'campaign_objections')).toMatchObject([
      { counts: { open: 0, correctionDue: 1 } },
    ]);
    const corrected = await office.post(`/api/v1/campaigns/${c.campaignId}/publish`, {
      reason: 'Đính chính theo 1 kiến nghị được chấp nhận',
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(of(await inbox('office', c.campaignId), 'campaign_objections')).toEqual([]);

    // After the window's last day: no more invitation to object; the answered objection stays listed.
    clock.set(new Date('2026-11-18T03:00:00Z'));
    rep = await inbox('rep_c1', c.campaignId);
    expect(of(rep, 'objection_window')).toEqual([]);
    expect(of(rep, 'objections_answered')).toHaveLength(1);
  });
});
