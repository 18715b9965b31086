// Issue 14 §6: one definition of "item complete" and one self total, the same on every screen. For one form,
// the unit's home list (GET /assessments/mine), its inbox, the form itself (GET /assessments/{id}), the
// submission check and the DX office's progress page count the same complete items and show the same self
// total — an item with a score but neither evidence nor explanation is incomplete everywhere — and the
// progress page's summary counts the rows' own words ("Đang nhập" rows are the "Đang nhập" count).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxTask } from '../../src/contract/inbox.ts';
import { createOpenCampaign } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

const now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
});
afterAll(() => t.close());

interface Progress {
  percent: number;
  total: number;
  answered: number;
  complete: number;
  selfTotal: number;
  selfApplicableMax: number;
}

async function everyView(campaignId: string, id: string) {
  const rep = await t.as('rep_c1');
  const form = (await rep.get(`/api/v1/assessments/${id}`)).json() as {
    progress: Progress;
    items: { code: string; selfScore: number | null }[];
  };
  const mine = (await rep.get('/api/v1/assessments/mine')).json() as {
    items: { id: string; progress: Progress; missing: number }[];
  };
  const check = (await rep.get(`/api/v1/assessments/${id}/check`)).json() as { problems: { code: string }[] };
  const inbox = ((await rep.get('/api/v1/me/inbox')).json() as { items: InboxTask[] }).items.filter(
    (i) => i.assessmentId === id,
  );
  const progress = (await (await t.as('office')).get(`/api/v1/campaigns/${campaignId}/progress`)).json() as {
    items: {
      assessmentId: string;
      stage: string;
      itemsDone: number;
      itemsAnswered: number;
      itemsTotal: number;
      selfTotal: number;
      selfApplicableMax: number;
    }[];
    summary: { total: number; submitted: number; notStarted: number; inProgress: number };
  };
  return { form, mine: mine.items.find((i) => i.id === id)!, check, inbox, progress };
}

describe('one count of complete items and one self total', () => {
  it('the home list, the inbox, the form, the check and the progress page agree', async () => {
    const c = await createOpenCampaign(t, { name: 'Một con số cho một việc' });
    const id = c.assessments.C1!;
    const rep = await t.as('rep_c1');
    const versions = new Map(
      ((await rep.get(`/api/v1/assessments/${id}`)).json() as { items: { code: string; version: number }[] }).items.map(
        (i) => [i.code, i.version],
      ),
    );
    const save = async (code: string, body: Record<string, unknown>) => {
      const res = await rep.put(`/api/v1/assessments/${id}/items/${code}`, {
        explanation: '',
        ...body,
        version: versions.get(code) ?? 0,
      });
      expect(res.statusCode, res.body).toBe(200);
      versions.set(code, (res.json() as { version: number }).version);
    };
    await save('1.1', { inputs: {}, selfScore: 7.5, explanation: 'Lãnh đạo tự đánh giá' });
    // Scored, but neither evidence nor explanation (000 Điều 8.4.a): answered, not complete.
    await save('1.2', { inputs: { yes: true } });
    await save('2.1', { inputs: { a: 30, b: 40 }, explanation: 'Theo báo cáo' });

    const v = await everyView(c.campaignId, id);
    const scored = v.form.items.filter((i) => i.selfScore !== null);
    expect(scored.map((i) => i.code).sort()).toEqual(['1.1', '1.2', '2.1']);
    expect(v.form.progress).toMatchObject({ total: 7, answered: 3, complete: 2 });
    const selfSum = Math.round(scored.reduce((s, i) => s + i.selfScore! * 100, 0)) / 100;
    expect(v.form.progress.selfTotal).toBe(selfSum);
    // The home list: the same figures, and "còn thiếu" is what is not complete.
    expect(v.mine.progress).toMatchObject({
      total: 7,
      answered: 3,
      complete: 2,
      selfTotal: v.form.progress.selfTotal,
      selfApplicableMax: v.form.progress.selfApplicableMax,
    });
    expect(v.mine.missing).toBe(5);
    // The submission check names exactly the items that are not complete.
    expect(new Set(v.check.problems.map((p) => p.code)).size).toBe(5);
    expect(v.check.problems.some((p) => p.code === '1.2')).toBe(true);
    // The inbox: the same number missing.
    expect(v.inbox.find((i) => i.kind === 'fill_items')?.counts).toEqual({ missing: 5, total: 7 });
    // The DX office's progress page: the same row figures.
    const row = v.progress.items.find((r) => r.assessmentId === id)!;
    expect(row).toMatchObject({
      stage: 'in_progress',
      itemsDone: 2,
      itemsAnswered: 3,
      itemsTotal: 7,
      selfTotal: v.form.progress.selfTotal,
      selfApplicableMax: v.form.progress.selfApplicableMax,
    });

    // An explanation on 1.2 completes it: every view moves together (the stored progress follows the write).
    await save('1.2', { inputs: { yes: true }, explanation: 'Có kế hoạch số 15/KH-UBND' });
    const w = await everyView(c.campaignId, id);
    expect(w.form.progress.complete).toBe(3);
    expect(w.mine.progress.complete).toBe(3);
    expect(w.mine.missing).toBe(4);
    expect(new Set(w.check.problems.map((p) => p.code)).size).toBe(4);
    expect(w.progress.items.find((r) => r.assessmentId === id)!.itemsDone).toBe(3);
  });

  it('the form reads its stored progress while it is up to date, and computes it while stale', async () => {
    const c = await createOpenCampaign(t, { name: 'Tiến độ đã lưu' });
    const id = c.assessments.C1!;
    const rep = await t.as('rep_c1');
    const form = async () => ((await rep.get(`/api/v1/assessments/${id}`)).json() as { progress: Progress }).progress;
    const item = ((await rep.get(`/api/v1/assessments/${id}`)).json() as { items: { code: string; version: number }[] })
      .items[0]!;
    const res = await rep.put(`/api/v1/assessments/${id}/items/${item.code}`, {
      inputs: {},
      selfScore: 5,
      explanation: 'Theo báo cáo',
      version: item.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const computed = await form(); // stale after the save: computed from the items
    await rep.get('/api/v1/assessments/mine'); // the list brings the stored progress up to date
    expect(await form()).toEqual(computed);
    // Proof the form now reads the stored row: a figure changed there (only) shows; made stale, it does not.
    await t.database.db.execute(
      sql`update assessment_progress set complete = complete + 1 where assessment_id = ${id}`,
    );
    expect((await form()).complete).toBe(computed.complete + 1);
    expect((await form()).percent).toBe(Math.round(((computed.complete + 1) / computed.total) * 1000) / 10);
    await t.database.db.execute(sql`update assessment_progress set rev = rev + 1 where assessment_id = ${id}`);
    expect(await form()).toEqual(computed);
  });

  it('the progress summary counts the words its rows show', async () => {
    const c = await createOpenCampaign(t, { name: 'Đang nhập khớp tổng' });
    const rep = await t.as('rep_c1');
    const id = c.assessments.C1!;
    const item = ((await rep.get(`/api/v1/assessments/${id}`)).json() as { items: { code: string; version: number }[] })
      .items[0]!;
    const res = await rep.put(`/api/v1/assessments/${id}/items/${item.code}`, {
      inputs: {},
      selfScore: 5,
      explanation: '',
      version: item.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = await everyView(c.campaignId, id);
    const stages = v.progress.items.map((r) => r.stage);
    expect(v.progress.summary).toMatchObject({
      total: stages.length,
      notStarted: stages.filter((s) => s === 'not_started').length,
      inProgress: stages.filter((s) => s === 'in_progress').length,
      submitted: stages.filter((s) => s === 'submitted').length,
    });
    expect(v.progress.summary.inProgress).toBe(1);
    expect(v.progress.summary.notStarted).toBe(stages.length - 1);
  });
});
