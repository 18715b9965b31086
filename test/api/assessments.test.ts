// Assessments: saving items (validation by the engine, optimistic concurrency, lock after submission,
// evidence from the unit's library), informational fields, submission (completeness, lateness by the
// campaign's rules, idempotency), the DX office's reopen and external submissions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceDocuments } from '../../src/db/schema/evidence.ts';
import { auditLog } from '../../src/db/schema/audit.ts';
import { verifyAuditChain } from '../../src/db/audit/verify-audit.ts';
import { like } from 'drizzle-orm';
import { type CampaignIds, FULL_ENTRIES, addAccount, createOpenCampaign, fillAll } from '../support/campaign-fixture.ts';
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

describe('saving an item', () => {
  it('manual score on the step grid is stored; the answer carries the new version and who saved', async () => {
    const rep = await t.as('rep_c1');
    const res = await rep.put(item('1.1'), { inputs: {}, selfScore: 7.25, explanation: 'Lãnh đạo tự đánh giá', version: 0 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: '1.1', selfScore: 7.25, inputs: { score: 7.25 }, version: 1, locked: false, updatedBy: { fullName: 'Người dùng rep_c1' } });
  });

  it('a self-score above max or negative → 422 SCORE_OUT_OF_RANGE naming the item and 0…max; off the 0.25 grid → 400 SCORE_INVALID; nothing saved', async () => {
    const rep = await t.as('rep_c1');
    for (const selfScore of [10.25, -1]) {
      const res = await rep.put(item('1.1'), { inputs: {}, selfScore, version: 1 });
      expect(res.statusCode, String(selfScore)).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'SCORE_OUT_OF_RANGE', details: { code: '1.1', min: 0, max: 10, value: selfScore } });
      expect(res.json().error.message).toContain('Chỉ số 1.1');
    }
    const offGrid = await rep.put(item('1.1'), { inputs: {}, selfScore: 3.1, version: 1 });
    expect([offGrid.statusCode, offGrid.json().error.code]).toEqual([400, 'SCORE_INVALID']);
    const a = (await rep.get(`/api/v1/assessments/${ids.assessments.C1}`)).json();
    expect(a.items.find((i: { code: string }) => i.code === '1.1')).toMatchObject({ selfScore: 7.25, version: 1 });
  });

  it('a negative figure → 422 FIGURE_OUT_OF_RANGE naming the item, the figure and "từ 0 trở lên"; nothing saved', async () => {
    const rep = await t.as('rep_c1');
    const res = await rep.put(item('2.1'), { inputs: { a: -5, b: 40 }, version: 0 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'FIGURE_OUT_OF_RANGE', details: { code: '2.1', min: 0, max: null, value: -5 } });
    expect(res.json().error.message).toBe('Chỉ số 2.1: số liệu "Hồ sơ trực tuyến" = -5 nằm ngoài khoảng cho phép (từ 0 trở lên).');
    const a = (await rep.get(`/api/v1/assessments/${ids.assessments.C1}`)).json();
    expect(a.items.find((i: { code: string }) => i.code === '2.1')).toMatchObject({ version: 0 });
  });

  it('text where a number is expected → 400 VALIDATION_FAILED (input and self-score)', async () => {
    const rep = await t.as('rep_c1');
    const bad = await rep.put(item('2.1'), { inputs: { a: 'ba mươi', b: 40 }, version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(bad.json().error.details.issues[0].path).toBe('/inputs/a');
    const badScore = await rep.put(item('1.1'), { inputs: {}, selfScore: 'bảy', version: 1 });
    expect(badScore.statusCode).toBe(400);
    expect(badScore.json().error.code).toBe('VALIDATION_FAILED');
    const unknownKey = await rep.put(item('1.2'), { inputs: { yes: true, extra: 1 }, version: 0 });
    expect(unknownKey.statusCode).toBe(400);
  });

  it('b = 0 follows the declared rule: ratio → 0 points, percent steps → not applicable (no crash)', async () => {
    const rep = await t.as('rep_c1');
    const ratio = await rep.put(item('2.1'), { inputs: { a: 0, b: 0 }, version: 0 });
    expect(ratio.statusCode).toBe(200);
    expect(ratio.json()).toMatchObject({ selfScore: 0, score: { points: 0, notApplicable: false } });
    const pct = await rep.put(item('2.3'), { inputs: { a: 0, b: 0 }, version: 0 });
    expect(pct.statusCode).toBe(200);
    expect(pct.json()).toMatchObject({ selfScore: null, score: { notApplicable: true } });
  });

  it('the server recomputes computed scores: a client self-score that disagrees is replaced', async () => {
    const rep = await t.as('rep_c1');
    const res = await rep.put(item('2.1'), { inputs: { a: '30', b: 40 }, selfScore: 20, version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json().selfScore).toBe(15);
    const steps = await rep.put(item('2.2'), { inputs: { value: 3 }, selfScore: 10, version: 0 });
    expect(steps.json().selfScore).toBe(5);
    const choice = await rep.put(item('1.3'), { inputs: { choice: 'cao' }, selfScore: 1, version: 0 });
    expect(choice.json().selfScore).toBe(20);
    const unknownChoice = await rep.put(item('1.3'), { inputs: { choice: 'rat-cao' }, version: 1 });
    expect(unknownChoice.statusCode).toBe(400);
  });

  it('a formula reads the informational fields; saving them re-scores the item', async () => {
    const rep = await t.as('rep_c1');
    const first = await rep.put(item('2.4'), { inputs: { so_diem: 2 }, version: 0 });
    expect(first.json()).toMatchObject({ selfScore: null });
    expect(first.json().score.issues[0].code).toBe('INPUT_MISSING');
    const a = (await rep.get(`/api/v1/assessments/${ids.assessments.C1}`)).json();
    const info = await rep.put(`/api/v1/assessments/${ids.assessments.C1}/info`, { values: { population: 4000 }, rowVersion: a.rowVersion });
    expect(info.statusCode).toBe(200);
    expect(info.json().info).toEqual({ population: 4000 });
    expect(info.json().items.find((i: { code: string }) => i.code === '2.4').selfScore).toBe(5);
    const stale = await rep.put(`/api/v1/assessments/${ids.assessments.C1}/info`, { values: { population: 1 }, rowVersion: a.rowVersion });
    expect(stale.statusCode).toBe(409);
    const negative = await rep.put(`/api/v1/assessments/${ids.assessments.C1}/info`, { values: { population: -4000 }, rowVersion: info.json().rowVersion });
    expect([negative.statusCode, negative.json().error.code]).toEqual([422, 'FIGURE_OUT_OF_RANGE']);
    expect(negative.json().error).toMatchObject({ details: { field: 'population', min: 0 } });
  });

  it('two people saving the same version: the second gets 409 with the first one\'s value; nothing is lost', async () => {
    const rep = await t.as('rep_c1');
    const lead = await t.as('lead_c1');
    const [x, y] = await Promise.all([
      rep.put(item('1.2'), { inputs: { yes: true }, explanation: 'Kế hoạch số 12/KH-UBND', version: 0 }),
      lead.put(item('1.2'), { inputs: { yes: false }, explanation: 'Chưa có kế hoạch', version: 0 }),
    ]);
    const statuses = [x.statusCode, y.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = x.statusCode === 200 ? [x, y] : [y, x];
    expect(lost.json().error.code).toBe('VERSION_CONFLICT');
    expect(lost.json().error.details.current).toMatchObject({ version: 1, explanation: won.json().explanation, inputs: won.json().inputs });
    expect(lost.json().error.details.current.updatedBy.fullName).toBe(won.json().updatedBy.fullName);
    const stored = (await rep.get(`/api/v1/assessments/${ids.assessments.C1}`)).json().items.find((i: { code: string }) => i.code === '1.2');
    expect(stored).toMatchObject({ version: 1, explanation: won.json().explanation });
  });

  it('evidence must come from the unit\'s own library; links are replaced', async () => {
    const db = t.database.db;
    const [own, other] = await db
      .insert(evidenceDocuments)
      .values([
        { unitId: t.unit('C1'), url: 'https://c1.example.vn/kh.pdf', docNumber: '12/KH-UBND' },
        { unitId: t.unit('C3'), url: 'https://c3.example.vn/kh.pdf', docNumber: '9/KH-UBND' },
      ])
      .returning();
    const rep = await t.as('rep_c1');
    const foreign = await rep.put(item('2.2'), { inputs: { value: 3 }, evidenceIds: [other!.id], version: 1 });
    expect(foreign.statusCode).toBe(400);
    const ok = await rep.put(item('2.2'), { inputs: { value: 6 }, evidenceIds: [own!.id], version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ evidenceIds: [own!.id], selfScore: 10, version: 2 });
    const linked = async () => (await rep.get(`/api/v1/assessments/${ids.assessments.C1}`)).json().items.find((i: { code: string }) => i.code === '2.2').evidenceIds;
    expect(await linked()).toEqual([own!.id]);
    const cleared = await rep.put(item('2.2'), { inputs: { value: 6 }, evidenceIds: [], version: 2 });
    expect(cleared.json().evidenceIds).toEqual([]);
    expect(await linked()).toEqual([]);
  });

  it('every save is audited with before → after', async () => {
    const rows = await t.database.db.select().from(auditLog).where(like(auditLog.objectId, `${ids.assessments.C1!}:%`));
    const saves = rows.filter((r) => r.action === 'assessment.item.save');
    expect(saves.length).toBeGreaterThanOrEqual(8);
    const last = saves.find((r) => (r.after as { code: string; version: number }).code === '2.2' && (r.after as { version: number }).version === 3)!;
    expect(last.before).toMatchObject({ code: '2.2', version: 2, selfScore: 10 });
  });

  it('saves of one unit at once each append to its chain, which verifies (entries hashed by the database)', async () => {
    const c = await createOpenCampaign(t, { name: 'Chuỗi nhật ký', units: ['C2'] });
    const rep = await t.as('rep_c2');
    const lead = await t.as('lead_c2');
    const saves = await Promise.all(
      ['1.1', '1.2', '2.1', '2.2'].map((code, n) =>
        (n % 2 ? rep : lead).put(item(code, c.assessments.C2!), { ...FULL_ENTRIES[code], explanation: `Giải trình ${code} — “Ủy ban”`, version: 0 }),
      ),
    );
    expect(saves.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const chain = await t.database.db.select().from(auditLog).where(like(auditLog.objectId, `${c.assessments.C2!}:%`));
    expect(chain.filter((r) => r.action === 'assessment.item.save')).toHaveLength(4);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('a reporter of unit A touching unit B\'s assessment → 404 (read and write)', async () => {
    const rep = await t.as('rep_c1');
    expect((await rep.get(`/api/v1/assessments/${ids.assessments.C3}`)).statusCode).toBe(404);
    expect((await rep.put(item('1.2', ids.assessments.C3), { inputs: { yes: true }, version: 0 })).statusCode).toBe(404);
    expect((await rep.post(`/api/v1/assessments/${ids.assessments.C3}/submit`)).statusCode).toBe(404);
  });

  it('an unknown item code → 404', async () => {
    const rep = await t.as('rep_c1');
    expect((await rep.put(item('9.9'), { inputs: {}, version: 0 })).statusCode).toBe(404);
  });
});

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
    expect(problems.filter((p) => p.problem === 'NO_EVIDENCE_OR_EXPLANATION').map((p) => p.code)).toEqual(['1.2', '2.2']);
    expect(problems.filter((p) => p.problem === 'ITEM_NOT_FILLED').map((p) => p.code)).toEqual(['1.1', '1.3', '2.1', '2.3', '2.4']);
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
    expect(first.json()).toMatchObject({ status: 'submitted', submittedAt: '2026-11-15T16:59:00.000Z', daysLate: 0, penaltyPoints: 0, timing: 'on_time', submissionChannel: 'system' });
    now = new Date('2026-11-16T05:00:00Z');
    const second = await lead.post(`/api/v1/assessments/${ids.assessments.C1}/submit`);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ status: 'submitted', submittedAt: '2026-11-15T16:59:00.000Z', daysLate: 0, rowVersion: first.json().rowVersion });
  });

  it('editing after submission → 409 ASSESSMENT_LOCKED (items and informational fields)', async () => {
    const rep = await t.as('rep_c1');
    const a = (await rep.get(`/api/v1/assessments/${ids.assessments.C1}`)).json();
    expect(a.abilities).toMatchObject({ edit: false, submit: false });
    const v = a.items.find((i: { code: string }) => i.code === '1.1').version;
    const res = await rep.put(item('1.1'), { inputs: {}, selfScore: 10, version: v });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ASSESSMENT_LOCKED');
    const info = await rep.put(`/api/v1/assessments/${ids.assessments.C1}/info`, { values: { population: 1 }, rowVersion: a.rowVersion });
    expect(info.json().error.code).toBe('ASSESSMENT_LOCKED');
  });

  it('the DX office reopens one item with a reason: only that item is editable; resubmitting re-locks it and keeps the timing', async () => {
    const office = await t.as('office');
    const noReason = await office.post(`/api/v1/assessments/${ids.assessments.C1}/reopen`, { reason: '', codes: ['1.1'] });
    expect(noReason.statusCode).toBe(400);
    const lead = await t.as('lead_c1');
    expect((await lead.post(`/api/v1/assessments/${ids.assessments.C1}/reopen`, { reason: 'Tự mở', codes: ['1.1'] })).statusCode).toBe(403);
    const res = await office.post(`/api/v1/assessments/${ids.assessments.C1}/reopen`, { reason: 'Điểm 1.1 chưa có căn cứ', codes: ['1.1'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', reopenReason: 'Điểm 1.1 chưa có căn cứ' });
    const items = res.json().items as { code: string; locked: boolean; reopened: boolean; version: number }[];
    expect(items.filter((i) => !i.locked).map((i) => i.code)).toEqual(['1.1']);
    const rep = await t.as('rep_c1');
    const v = items.find((i) => i.code === '1.1')!.version;
    expect((await rep.put(item('1.1'), { inputs: {}, selfScore: 5, explanation: 'Theo biên bản họp', version: v })).statusCode).toBe(200);
    expect((await rep.put(item('1.2'), { inputs: { yes: false }, version: 1 })).json().error.code).toBe('ASSESSMENT_LOCKED');
    const again = await lead.post(`/api/v1/assessments/${ids.assessments.C1}/submit`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ submittedAt: '2026-11-15T16:59:00.000Z', daysLate: 0 });
    expect((again.json().items as { locked: boolean }[]).every((i) => i.locked)).toBe(true);
    expect(again.json().items.find((i: { code: string }) => i.code === '1.1').selfScore).toBe(5);
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
    expect(res.json()).toMatchObject({ daysLate: 1, penaltyPoints: 100, lowestBand: false, timing: 'late', timingLabel: 'Nộp muộn 1 ngày, bị trừ 100 điểm' });
  });

  it('6 days late → lowest band', async () => {
    const res = await submitC2At('2026-11-21T03:00:00Z');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ daysLate: 6, penaltyPoints: 0, lowestBand: true, timing: 'late_beyond_tolerance' });
  });

  it('beyond the tolerance with the refuse rule → 409 SUBMISSION_REFUSED, nothing recorded', async () => {
    const res = await submitC2At('2026-11-21T03:00:00Z', { lateSubmission: { toleranceDays: 5, penaltyPoints: 100, beyondTolerance: 'refuse' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'SUBMISSION_REFUSED', details: { daysLate: 6, toleranceDays: 5 } });
  });

  it('the DX office records a submission received by post: lateness from the date received', async () => {
    now = new Date('2026-11-01T00:00:00Z');
    const c = await createOpenCampaign(t, { name: 'Nhận qua bưu điện', units: ['C3'] });
    now = new Date('2026-11-20T03:00:00Z');
    const office = await t.as('office');
    const future = await office.post(`/api/v1/assessments/${c.assessments.C3}/record-submission`, { receivedAt: '2026-11-21', reference: '15/BC-UBND' });
    expect(future.statusCode).toBe(400);
    expect((await (await t.as('lead_c3')).post(`/api/v1/assessments/${c.assessments.C3}/record-submission`, { receivedAt: '2026-11-17', reference: 'x' })).statusCode).toBe(403);
    const res = await office.post(`/api/v1/assessments/${c.assessments.C3}/record-submission`, { receivedAt: '2026-11-17', reference: '15/BC-UBND', reason: 'Nhận bản giấy' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', submissionChannel: 'external', externalReference: '15/BC-UBND', daysLate: 2, penaltyPoints: 100, submittedAt: '2026-11-16T17:00:00.000Z' });
  });

  it('a whole reopen returns the assessment to draft; the first timing stands on resubmission', async () => {
    const res = await submitC2At('2026-11-15T17:00:00Z');
    const id = res.json().id as string;
    now = new Date('2026-11-25T03:00:00Z');
    const office = await t.as('office');
    const reopened = await office.post(`/api/v1/assessments/${id}/reopen`, { reason: 'Bổ sung tài liệu' });
    expect(reopened.json()).toMatchObject({ status: 'draft', abilities: { reopen: false } });
    const again = await (await t.as('lead_c2')).post(`/api/v1/assessments/${id}/submit`);
    expect(again.json()).toMatchObject({ status: 'submitted', daysLate: 1, penaltyPoints: 100, submittedAt: '2026-11-15T17:00:00.000Z' });
  });
});

describe('the unit home page', () => {
  it('GET /assessments/mine lists the caller\'s units in open campaigns with days remaining and missing items', async () => {
    now = new Date('2026-11-10T03:00:00Z');
    const res = await (await t.as('rep_c3')).get('/api/v1/assessments/mine');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { unit: { code: string }; daysRemaining: number; missing: number; progress: { total: number } }[];
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items.every((i) => i.unit.code === 'C3')).toBe(true);
    expect(items[0]).toMatchObject({ daysRemaining: 5, progress: { total: Object.keys(FULL_ENTRIES).length } });
    expect((await (await t.as('office')).get('/api/v1/assessments/mine')).json().items).toEqual([]);
  });
});
