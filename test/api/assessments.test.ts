// Assessments: saving items (validation by the engine, optimistic concurrency, evidence from the unit's
// library), informational fields, audit of every save. Submission and after: assessments-submission.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceDocuments } from '../../src/db/schema/evidence.ts';
import { auditLog } from '../../src/db/schema/audit.ts';
import { verifyAuditChain } from '../../src/db/audit/verify-audit.ts';
import { like } from 'drizzle-orm';
import { type CampaignIds, FULL_ENTRIES, addAccount, createOpenCampaign } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

/** Server time (fixed). */
const now: Date = new Date('2026-11-10T03:00:00Z');
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
    const res = await rep.put(item('1.1'), {
      inputs: {},
      selfScore: 7.25,
      explanation: 'Lãnh đạo tự đánh giá',
      version: 0,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: '1.1',
      selfScore: 7.25,
      inputs: { score: 7.25 },
      version: 1,
      locked: false,
      updatedBy: { fullName: 'Người dùng rep_c1' },
    });
  });

  it('a self-score above max or negative → 422 SCORE_OUT_OF_RANGE naming the item and 0…max; off the 0.25 grid → 400 SCORE_INVALID; nothing saved', async () => {
    const rep = await t.as('rep_c1');
    for (const selfScore of [10.25, -1]) {
      const res = await rep.put(item('1.1'), { inputs: {}, selfScore, version: 1 });
      expect(res.statusCode, String(selfScore)).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'SCORE_OUT_OF_RANGE',
        details: { code: '1.1', min: 0, max: 10, value: selfScore },
      });
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
    expect(res.json().error).toMatchObject({
      code: 'FIGURE_OUT_OF_RANGE',
      details: { code: '2.1', min: 0, max: null, value: -5 },
    });
    expect(res.json().error.message).toBe(
      'Chỉ số 2.1: số liệu "Hồ sơ trực tuyến" = -5 nằm ngoài khoảng cho phép (từ 0 trở lên).',
    );
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
    const info = await rep.put(`/api/v1/assessments/${ids.assessments.C1}/info`, {
      values: { population: 4000 },
      rowVersion: a.rowVersion,
    });
    expect(info.statusCode).toBe(200);
    expect(info.json().info).toEqual({ population: 4000 });
    expect(info.json().items.find((i: { code: string }) => i.code === '2.4').selfScore).toBe(5);
    const stale = await rep.put(`/api/v1/assessments/${ids.assessments.C1}/info`, {
      values: { population: 1 },
      rowVersion: a.rowVersion,
    });
    expect(stale.statusCode).toBe(409);
    const negative = await rep.put(`/api/v1/assessments/${ids.assessments.C1}/info`, {
      values: { population: -4000 },
      rowVersion: info.json().rowVersion,
    });
    expect([negative.statusCode, negative.json().error.code]).toEqual([422, 'FIGURE_OUT_OF_RANGE']);
    expect(negative.json().error).toMatchObject({ details: { field: 'population', min: 0 } });
  });

  it("two people saving the same version: the second gets 409 with the first one's value; nothing is lost", async () => {
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
    expect(lost.json().error.details.current).toMatchObject({
      version: 1,
      explanation: won.json().explanation,
      inputs: won.json().inputs,
    });
    expect(lost.json().error.details.current.updatedBy.fullName).toBe(won.json().updatedBy.fullName);
    const stored = (await rep.get(`/api/v1/assessments/${ids.assessments.C1}`))
      .json()
      .items.find((i: { code: string }) => i.code === '1.2');
    expect(stored).toMatchObject({ version: 1, explanation: won.json().explanation });
  });

  it("evidence must come from the unit's own library; links are replaced", async () => {
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
    const linked = async () =>
      (await rep.get(`/api/v1/assessments/${ids.assessments.C1}`))
        .json()
        .items.find((i: { code: string }) => i.code === '2.2').evidenceIds;
    expect(await linked()).toEqual([own!.id]);
    const cleared = await rep.put(item('2.2'), { inputs: { value: 6 }, evidenceIds: [], version: 2 });
    expect(cleared.json().evidenceIds).toEqual([]);
    expect(await linked()).toEqual([]);
  });

  it('every save is audited with before → after', async () => {
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(like(auditLog.objectId, `${ids.assessments.C1!}:%`));
    const saves = rows.filter((r) => r.action === 'assessment.item.save');
    expect(saves.length).toBeGreaterThanOrEqual(8);
    const last = saves.find(
      (r) =>
        (r.after as { code: string; version: number }).code === '2.2' && (r.after as { version: number }).version === 3,
    )!;
    expect(last.before).toMatchObject({ code: '2.2', version: 2, selfScore: 10 });
  });

  it('saves of one unit at once each append to its chain, which verifies (entries hashed by the database)', async () => {
    const c = await createOpenCampaign(t, { name: 'Chuỗi nhật ký', units: ['C2'] });
    const rep = await t.as('rep_c2');
    const lead = await t.as('lead_c2');
    const saves = await Promise.all(
      ['1.1', '1.2', '2.1', '2.2'].map((code, n) =>
        (n % 2 ? rep : lead).put(item(code, c.assessments.C2!), {
          ...FULL_ENTRIES[code],
          explanation: `Giải trình ${code} — “Ủy ban”`,
          version: 0,
        }),
      ),
    );
    expect(saves.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const chain = await t.database.db
      .select()
      .from(auditLog)
      .where(like(auditLog.objectId, `${c.assessments.C2!}:%`));
    expect(chain.filter((r) => r.action === 'assessment.item.save')).toHaveLength(4);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it("a reporter of unit A touching unit B's assessment → 404 (read and write)", async () => {
    const rep = await t.as('rep_c1');
    expect((await rep.get(`/api/v1/assessments/${ids.assessments.C3}`)).statusCode).toBe(404);
    expect((await rep.put(item('1.2', ids.assessments.C3), { inputs: { yes: true }, version: 0 })).statusCode).toBe(
      404,
    );
    expect((await rep.post(`/api/v1/assessments/${ids.assessments.C3}/submit`)).statusCode).toBe(404);
  });

  it('an unknown item code → 404', async () => {
    const rep = await t.as('rep_c1');
    expect((await rep.put(item('9.9'), { inputs: {}, version: 0 })).statusCode).toBe(404);
  });
});
