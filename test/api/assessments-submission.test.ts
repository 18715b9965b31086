// Assessments: submission (completeness, lateness by the campaign's rules, idempotency), the lock after
// submission, the DX office's reopen and external submissions, and the unit's home page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CampaignIds,
  FULL_ENTRIES,
  addAccount,
  createOpenCampaign,
  fillAll,
} from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

/** Server time, movable by the tests (lateness). */
let now: Date = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let ids: CampaignIds;
const item = (code: string, a = ids.assessments.C1!) => `/api/v1/assessments/${a}/items/${code}`;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  ids = await createOpenCampaign(t);
  await addAccount(t, 'rep_c2', 'unit_reporter', 'C2');
  await addAccount(t, 'lead_c2', 'unit_leader', 'C2');
  await addAccount(t, 'lead_c3', 'unit_leader', 'C3');
});
afterAll(() => t.close());

describe('submitting', () => {
  it('items lacking both evidence and explanation are all listed → 422; unfilled ones too', async () => {
    const lead = await t.as('lead_c2');
    const rep = await t.as('rep_c2');
    await rep.put(item('1.2', ids.assessments.C2), { inputs: { yes: true }, version: 0 });
    await rep.put(item('2.2', ids.assessments.C2), { inputs: { value: 1 }, version: 0 });
    const res = await lead.post(`/api/v1/assessments/${ids.assessments.C2}/submit`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('SUBMISSION_INCOMPLETE');
    const problems = res.json().error.details.problems as { code: string; problem: string }[];
    expect(problems.filter((p) => p.problem === 'NO_EVIDENCE_OR_EXPLANATION').map((p) => p.code)).toEqual([
      '1.2',
      '2.2',
    ]);
    expect(problems.filter((p) => p.problem === 'ITEM_NOT_FILLED').map((p) => p.code)).toEqual([
      '1.1',
      '1.3',
      '2.1',
      '2.3',
      '2.4',
    ]);
  });
});

describe('submission, lock and reopen', () => {
  it('only the leader submits (reporters may not unless the rules allow it)', async () => {
    await fillAll(t, ids.assessments.C1!);
    const rep = await t.as('rep_c1');
    const res = await rep.post(`/api/v1/assessments/${ids.assessments.C1}/submit`);
    expect(res.statusCode).toBe(403);
  });

  it('the leader submits on time at server time; submitting twice returns the same submission', async () => {
    now = new Date('2026-11-15T16:59:00Z'); // 23:59 in Vietnam on the deadline day
    const lead = await t.as('lead_c1');
    const first = await lead.post(`/api/v1/assessments/${ids.assessments.C1}/submit`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      status: 'submitted',
      submittedAt: '2026-11-15T16:59:00.000Z',
      daysLate: 0,
      penaltyPoints: 0,
      timing: 'on_time',
      submissionChannel: 'system',
      abilities: { edit: false, submit: false },
    });
    // The answer is the new state only (issue 16): no index set, no items — the client holds them.
    expect(Object.keys(first.json()).sort()).toEqual(
      [
        'id',
        'status',
        'submittedAt',
        'submittedBy',
        'submissionChannel',
        'externalReference',
        'daysLate',
        'penaltyPoints',
        'lowestBand',
        'reopenedAt',
        'reopenReason',
        'timing',
        'timingNote',
        'daysRemaining',
        'today',
        'rowVersion',
        'abilities',
      ].sort(),
    );
    const full = (await lead.get(`/api/v1/assessments/${ids.assessments.C1}`)).json();
    for (const k of Object.keys(first.json())) expect(first.json()[k], k).toEqual(full[k]);
    now = new Date('2026-11-16T05:00:00Z');
    const second = await lead.post(`/api/v1/assessments/${ids.assessments.C1}/submit`);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({
      status: 'submitted',
      submittedAt: '2026-11-15T16:59:00.000Z',
      daysLate: 0,
      rowVersion: first.json().rowVersion,
    });
  });

  it('editing after submission → 409 ASSESSMENT_LOCKED (items and informational fields)', async () => {
    const rep = await t.as('rep_c1');
    const a = (await rep.get(`/api/v1/assessments/${ids.assessments.C1}`)).json();
    expect(a.abilities).toMatchObject({ edit: false, submit: false });
    const v = a.items.find((i: { code: string }) => i.code === '1.1').version;
    const res = await rep.put(item('1.1'), { inputs: {}, selfScore: 10, version: v });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ASSESSMENT_LOCKED');
    const info = await rep.put(`/api/v1/assessments/${ids.assessments.C1}/info`, {
      values: { population: 1 },
      rowVersion: a.rowVersion,
    });
    expect(info.json().error.code).toBe('ASSESSMENT_LOCKED');
  });

  it('the DX office reopens one item with a reason: only that item is editable; resubmitting re-locks it and keeps the timing', async () => {
    const office = await t.as('office');
    const noReason = await office.post(`/api/v1/assessments/${ids.assessments.C1}/reopen`, {
      reason: '',
      codes: ['1.1'],
    });
    expect(noReason.statusCode).toBe(400);
    const lead = await t.as('lead_c1');
    expect(
      (await lead.post(`/api/v1/assessments/${ids.assessments.C1}/reopen`, { reason: 'Tự mở', codes: ['1.1'] }))
        .statusCode,
    ).toBe(403);
    const res = await office.post(`/api/v1/assessments/${ids.assessments.C1}/reopen`, {
      reason: 'Điểm 1.1 chưa có căn cứ',
      codes: ['1.1'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', reopenReason: 'Điểm 1.1 chưa có căn cứ' });
    const items = res.json().items as { code: string; locked: boolean; reopened: boolean; version: number }[];
    expect(items.filter((i) => !i.locked).map((i) => i.code)).toEqual(['1.1']);
    const rep = await t.as('rep_c1');
    const v = items.find((i) => i.code === '1.1')!.version;
    expect(
      (await rep.put(item('1.1'), { inputs: {}, selfScore: 5, explanation: 'Theo biên bản họp', version: v }))
        .statusCode,
    ).toBe(200);
    expect((await rep.put(item('1.2'), { inputs: { yes: false }, version: 1 })).json().error.code).toBe(
      'ASSESSMENT_LOCKED',
    );
    const again = await lead.post(`/api/v1/assessments/${ids.assessments.C1}/submit`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ submittedAt: '2026-11-15T16:59:00.000Z', daysLate: 0 });
    const after = (await rep.get(`/api/v1/assessments/${ids.assessments.C1}`)).json();
    expect((after.items as { locked: boolean; reopened: boolean }[]).every((i) => i.locked && !i.reopened)).toBe(true);
    expect(after.items.find((i: { code: string }) => i.code === '1.1').selfScore).toBe(5);
    expect(after.rowVersion).toBe(again.json().rowVersion);
  });
});

describe('lateness under the campaign rules (deadline 15/11, Vietnam time)', () => {
  async function submitC2At(instant: string, rules = {}) {
    now = new Date('2026-11-01T00:00:00Z');
    const c = await createOpenCampaign(t, { name: `Muộn ${instant}`, units: ['C2'], rules });
    await fillAll(t, c.assessments.C2!, 'rep_c2');
    now = new Date(instant);
    return (await t.as('lead_c2')).post(`/api/v1/assessments/${c.assessments.C2}/submit`);
  }

  it('1 day late with tolerance 5 days / −100 → penalty 100', async () => {
    const res = await submitC2At('2026-11-15T17:00:00Z'); // 00:00 on the 16th in Vietnam
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      daysLate: 1,
      penaltyPoints: 100,
      lowestBand: false,
      timing: 'late',
      timingNote: { code: 'late_penalised', params: { days: 1, points: 100 } },
    });
  });

  it('6 days late → lowest band', async () => {
    const res = await submitC2At('2026-11-21T03:00:00Z');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      daysLate: 6,
      penaltyPoints: 0,
      lowestBand: true,
      timing: 'late_beyond_tolerance',
    });
  });

  it('beyond the tolerance with the refuse rule → 409 SUBMISSION_REFUSED, nothing recorded', async () => {
    const res = await submitC2At('2026-11-21T03:00:00Z', {
      lateSubmission: { toleranceDays: 5, penaltyPoints: 100, beyondTolerance: 'refuse' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'SUBMISSION_REFUSED', details: { daysLate: 6, toleranceDays: 5 } });
  });

  it('the DX office records a submission received by post: lateness from the date received', async () => {
    now = new Date('2026-11-01T00:00:00Z');
    const c = await createOpenCampaign(t, { name: 'Nhận qua bưu điện', units: ['C3'] });
    now = new Date('2026-11-20T03:00:00Z');
    const office = await t.as('office');
    const future = await office.post(`/api/v1/assessments/${c.assessments.C3}/record-submission`, {
      receivedAt: '2026-11-21',
      reference: '15/BC-UBND',
    });
    expect(future.statusCode).toBe(400);
    expect(
      (
        await (
          await t.as('lead_c3')
        ).post(`/api/v1/assessments/${c.assessments.C3}/record-submission`, {
          receivedAt: '2026-11-17',
          reference: 'x',
        })
      ).statusCode,
    ).toBe(403);
    // The same submission check as a unit's own (issue 13 §3): nothing entered yet → refused, every item listed…
    const unchecked = await office.post(`/api/v1/assessments/${c.assessments.C3}/record-submission`, {
      receivedAt: '2026-11-17',
      reference: '15/BC-UBND',
    });
    expect(unchecked.statusCode).toBe(422);
    expect(unchecked.json().error.code).toBe('SUBMISSION_INCOMPLETE');
    expect(unchecked.json().error.details.problems.length).toBeGreaterThan(0);
    // …unless the office records why it accepts the report as it is (audited with the items).
    const res = await office.post(`/api/v1/assessments/${c.assessments.C3}/record-submission`, {
      receivedAt: '2026-11-17',
      reference: '15/BC-UBND',
      reason: 'Nhận bản giấy, tài liệu kiểm chứng kèm hồ sơ giấy',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'submitted',
      submissionChannel: 'external',
      externalReference: '15/BC-UBND',
      daysLate: 2,
      penaltyPoints: 100,
      submittedAt: '2026-11-16T17:00:00.000Z',
    });
  });

  it('a whole reopen returns the assessment to draft; the first timing stands on resubmission', async () => {
    const res = await submitC2At('2026-11-15T17:00:00Z');
    const id = res.json().id as string;
    now = new Date('2026-11-25T03:00:00Z');
    const office = await t.as('office');
    const reopened = await office.post(`/api/v1/assessments/${id}/reopen`, { reason: 'Bổ sung tài liệu' });
    expect(reopened.json()).toMatchObject({ status: 'draft', abilities: { reopen: false } });
    const again = await (await t.as('lead_c2')).post(`/api/v1/assessments/${id}/submit`);
    expect(again.json()).toMatchObject({
      status: 'submitted',
      daysLate: 1,
      penaltyPoints: 100,
      submittedAt: '2026-11-15T17:00:00.000Z',
    });
  });
});

describe('the unit home page', () => {
  it("GET /assessments/mine lists the caller's units in open campaigns with days remaining and missing items", async () => {
    now = new Date('2026-11-10T03:00:00Z');
    const res = await (await t.as('rep_c3')).get('/api/v1/assessments/mine');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      unit: { code: string };
      daysRemaining: number;
      missing: number;
      progress: { total: number };
    }[];
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items.every((i) => i.unit.code === 'C3')).toBe(true);
    expect(items[0]).toMatchObject({ daysRemaining: 5, progress: { total: Object.keys(FULL_ENTRIES).length } });
    expect((await (await t.as('office')).get('/api/v1/assessments/mine')).json().items).toEqual([]);
  });
});
