// Issue 13 §6 — the administrative mistakes a DX office makes, each refused with its code: opening with a
// self-assessment deadline already past (or giving new deadlines in the same step), closing before the
// deadline without a reason (the refusal states how many units have not submitted), a second ranked
// annual campaign of the same year for the same communes, and a publication before its decision's date.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.ts';
import { approvals } from '../../src/db/schema/appraisal.ts';
import { acceptEverything, appraisalCampaign } from '../support/appraisal-fixture.ts';
import { createCampaign, createOpenCampaign, fillAll } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
});
afterAll(() => t.close());

const open = (id: string, body: Record<string, unknown> = {}) =>
  t.as('office').then((c) => c.post(`/api/v1/campaigns/${id}/transitions`, { action: 'open', ...body }));
const err = (res: { statusCode: number; json(): { error?: { code: string } } }) => [
  res.statusCode,
  res.json().error?.code,
];
const auditOf = async (campaignId: string, action: string) =>
  (
    await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, campaignId), eq(auditLog.action, action)))
  )[0];

describe('opening a campaign whose self-assessment deadline has passed', () => {
  it('→ 422 SELF_ASSESSMENT_DEADLINE_PASSED naming the group and its deadline; nothing opens', async () => {
    const draft = await createCampaign(t, { draft: true, name: 'Hạn đã qua', deadline: '2026-11-09', units: ['C1'] });
    const res = await open(draft.campaignId, { reason: 'Thử nghiệm' });
    expect(err(res)).toEqual([422, 'SELF_ASSESSMENT_DEADLINE_PASSED']);
    expect(res.json().error.message).toContain('(09/11/2026) đã qua (hôm nay 10/11/2026)');
    expect(res.json().error.details.groups).toEqual([
      expect.objectContaining({ groupId: draft.groupId, selfAssessment: '2026-11-09' }),
    ]);
    expect((await (await t.as('office')).get(`/api/v1/campaigns/${draft.campaignId}`)).json().status).toBe('draft');
  });

  it('opens with new deadlines given in the same step (audited with the old and new dates); a new one still past is refused', async () => {
    const draft = await createCampaign(t, { draft: true, name: 'Hạn mới', deadline: '2026-11-09', units: ['C2'] });
    expect(
      err(
        await open(draft.campaignId, {
          reason: 'Thử nghiệm',
          deadlines: [{ groupId: draft.groupId, selfAssessment: '2026-11-01' }],
        }),
      ),
    ).toEqual([422, 'SELF_ASSESSMENT_DEADLINE_PASSED']);
    const res = await open(draft.campaignId, {
      reason: 'Thử nghiệm',
      deadlines: [{ groupId: draft.groupId, selfAssessment: '2026-11-30' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'open', groups: [{ deadlines: { selfAssessment: '2026-11-30' } }] });
    expect((await auditOf(draft.campaignId, 'campaign.open'))?.after).toMatchObject({
      deadlines: [{ groupId: draft.groupId, before: '2026-11-09', selfAssessment: '2026-11-30' }],
    });
  });

  it('the deadline day itself can still be opened', async () => {
    const draft = await createCampaign(t, { draft: true, name: 'Hạn hôm nay', deadline: '2026-11-10', units: ['C3'] });
    expect((await open(draft.campaignId, { reason: 'Thử nghiệm' })).statusCode).toBe(200);
  });
});

describe('a unit is ranked once a year', () => {
  it('a second annual campaign of 2026 on the same communes → 409 CAMPAIGN_OVERLAP; opened once the DX office says why', async () => {
    const second = await createCampaign(t, { draft: true, name: 'Trùng năm 2026', units: ['C1', 'C2'] });
    const res = await open(second.campaignId);
    expect(err(res)).toEqual([409, 'CAMPAIGN_OVERLAP']);
    expect(res.json().error.details.overlaps[0]).toMatchObject({
      name: 'Hạn mới',
      year: 2026,
      kind: 'annual',
      units: 1,
    });
    expect((await open(second.campaignId, { reason: 'Đánh giá lại theo chỉ đạo của UBND tỉnh' })).statusCode).toBe(200);
    expect((await auditOf(second.campaignId, 'campaign.open'))?.reason).toBe('Đánh giá lại theo chỉ đạo của UBND tỉnh');
  });

  it('another year on the same communes opens without a reason', async () => {
    const other = await createCampaign(t, { draft: true, name: 'Năm 2027', year: 2027, units: ['C1'] });
    expect((await open(other.campaignId)).statusCode).toBe(200);
  });
});

describe('closing self-assessment before the deadline', () => {
  it('→ 422 EARLY_CLOSE_REASON_REQUIRED stating how many units have not submitted; with a reason it closes, audited', async () => {
    const ids = await createOpenCampaign(t, {
      name: 'Kết thúc sớm',
      deadline: '2026-11-27',
      rules: { reportersMaySubmit: true },
    });
    await fillAll(t, ids.assessments.C1!, 'rep_c1');
    expect((await (await t.as('rep_c1')).post(`/api/v1/assessments/${ids.assessments.C1}/submit`)).statusCode).toBe(
      200,
    );
    const office = await t.as('office');
    const res = await office.post(`/api/v1/campaigns/${ids.campaignId}/transitions`, {
      action: 'close_self_assessment',
    });
    expect(err(res)).toEqual([422, 'EARLY_CLOSE_REASON_REQUIRED']);
    expect(res.json().error.details).toMatchObject({ unsubmitted: 2, units: 3, deadline: '2026-11-27' });
    expect(res.json().error.message).toBe(
      'Kết thúc tự đánh giá trước hạn (27/11/2026): còn 2/3 đơn vị chưa gửi bản tự đánh giá và sẽ bị tính là không gửi. Cần nêu lý do.',
    );
    const closed = await office.post(`/api/v1/campaigns/${ids.campaignId}/transitions`, {
      action: 'close_self_assessment',
      reason: 'Rút ngắn theo Công văn 12/STTTT',
    });
    expect(closed.statusCode).toBe(200);
    expect(await auditOf(ids.campaignId, 'campaign.close_self_assessment')).toMatchObject({
      reason: 'Rút ngắn theo Công văn 12/STTTT',
      after: { unsubmitted: 2, units: 3, earlyBefore: '2026-11-27' },
    });
  });

  it('after the deadline day no reason is needed', async () => {
    const ids = await createOpenCampaign(t, { name: 'Kết thúc đúng hạn', deadline: '2026-11-12', units: ['C3'] });
    now = new Date('2026-11-13T03:00:00Z');
    const res = await (
      await t.as('office')
    ).post(`/api/v1/campaigns/${ids.campaignId}/transitions`, { action: 'close_self_assessment' });
    now = new Date('2026-11-10T03:00:00Z');
    expect(res.statusCode).toBe(200);
  });
});

describe('the approval decision and its publication', () => {
  it('an approval dated in the future → 422 DECISION_DATE_IN_FUTURE; a stored future decision blocks publication → 422 PUBLICATION_BEFORE_APPROVAL', async () => {
    const ids = await appraisalCampaign(t, { name: 'Phê duyệt và công bố' });
    now = new Date('2026-11-17T03:00:00Z');
    await acceptEverything(t, ids);
    expect(
      (
        await (
          await t.as('chair')
        ).post(`/api/v1/campaigns/${ids.campaignId}/close-appraisal`, { groupId: ids.groupId })
      ).statusCode,
    ).toBe(200);
    const office = await t.as('office');
    const approve = (decisionDate: string) =>
      office.post(`/api/v1/campaigns/${ids.campaignId}/approve`, {
        groupId: ids.groupId,
        decisionNumber: '2500/QĐ-UBND',
        decisionDate,
      });
    const future = await approve('2026-12-29');
    expect(err(future)).toEqual([422, 'DECISION_DATE_IN_FUTURE']);
    expect(future.json().error.message).toBe(
      'Ngày quyết định phê duyệt 29/12/2026 sau ngày hôm nay (17/11/2026): không ghi nhận quyết định chưa ban hành.',
    );
    expect((await approve('2026-11-17')).statusCode).toBe(200);
    // A decision recorded before this rule, dated ahead: publishing today would precede it.
    await t.database.db
      .update(approvals)
      .set({ decisionDate: '2026-12-29' })
      .where(eq(approvals.decisionNumber, '2500/QĐ-UBND'));
    const early = await office.post(`/api/v1/campaigns/${ids.campaignId}/publish`, {});
    expect(err(early)).toEqual([422, 'PUBLICATION_BEFORE_APPROVAL']);
    expect(early.json().error.message).toContain('2500/QĐ-UBND ngày 29/12/2026');
    now = new Date('2026-12-29T03:00:00Z');
    expect((await office.post(`/api/v1/campaigns/${ids.campaignId}/publish`, {})).statusCode).toBe(201);
    now = new Date('2026-11-10T03:00:00Z');
  });
});

describe('"Kiểm tra trước khi nộp" — the reporter and the leader run the submission check', () => {
  it('the reporter sees every problem and that the leader sends it; the leader sees the same problems; nothing is submitted', async () => {
    const ids = await createOpenCampaign(t, { name: 'Kiểm tra trước khi nộp', deadline: '2026-11-27', units: ['C1'] });
    const url = `/api/v1/assessments/${ids.assessments.C1}/check`;
    const rep = await (await t.as('rep_c1')).get(url);
    expect(rep.statusCode).toBe(200);
    expect(rep.json()).toMatchObject({ ready: false, notices: [{ code: 'LEADER_SUBMITS', level: 'info' }] });
    expect(rep.json().problems.map((p: { code: string }) => p.code)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
    ]);
    expect(rep.json().problems[0]).toMatchObject({
      problem: 'ITEM_NOT_FILLED',
      params: {},
    });
    const lead = await (await t.as('lead_c1')).get(url);
    expect(lead.json().notices).toEqual([]);
    await fillAll(t, ids.assessments.C1!, 'rep_c1');
    expect((await (await t.as('rep_c1')).get(url)).json()).toMatchObject({ ready: true, problems: [] });
    expect((await (await t.as('lead_c1')).get(`/api/v1/assessments/${ids.assessments.C1}`)).json().status).toBe(
      'draft',
    );
  });

  it("late by the server clock: the check says what sending today means; another unit's staff → 404, a council member → 403", async () => {
    const ids = await createOpenCampaign(t, { name: 'Kiểm tra muộn', deadline: '2026-11-10', units: ['C1'] });
    now = new Date('2026-11-12T03:00:00Z');
    const res = await (await t.as('lead_c1')).get(`/api/v1/assessments/${ids.assessments.C1}/check`);
    now = new Date('2026-11-10T03:00:00Z');
    expect(res.json().notices).toEqual([
      { code: 'LATE', level: 'info', timing: { code: 'late_penalised', params: { days: 2, points: 100 } } },
    ]);
    expect((await (await t.as('rep_c3')).get(`/api/v1/assessments/${ids.assessments.C1}/check`)).statusCode).toBe(404);
    expect((await (await t.as('member')).get(`/api/v1/assessments/${ids.assessments.C1}/check`)).statusCode).toBe(403);
  });
});
