// Issue 14 §1: the unit's scorecard (.xlsx and PDF) shows, per item it objected to, the objection's status —
// "Chờ trả lời", "Chấp nhận — điểm mới n", "Không chấp nhận — <the council's reason>" — in a "Kiến nghị"
// column that only appears when the unit objected. The PDF is rendered to PNG (pdftoppm) under test/.tmp
// for a look, and its text read back (pdftotext).
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobHandlers } from '../../src/app/jobs/handlers.ts';
import { createJobWorker } from '../../src/app/jobs/worker.ts';
import { loadConfig } from '../../src/infra/config.ts';
import { type AppraisalIds, acceptEverything, appraisalCampaign, itemUrl } from '../support/appraisal-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

// Tuesday 10/11/2026 in Vietnam: approved today, objections open for 5 working days.
const now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let ids: AppraisalIds;

async function runJobs() {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', THUOCDO_DATA_DIR: 'test/.tmp/data' });
  const ctx = { db: t.database.db, config, clock: () => new Date(), realClock: () => new Date() };
  return createJobWorker({ db: t.database.db, handlers: createJobHandlers(ctx), clock: ctx.clock }).runOnce();
}

async function exportFile(kind: string, unit: string): Promise<Buffer> {
  const c = await t.as('office');
  const res = await c.post(`/api/v1/campaigns/${ids.campaignId}/exports`, { kind, unitId: t.unit(unit) });
  expect(res.statusCode, res.body).toBe(202);
  expect(await runJobs()).toBeGreaterThan(0);
  const job = (await c.get(`/api/v1/jobs/${res.json().jobId}`)).json();
  expect(job.status).toBe('done');
  const file = await c.get(job.result.downloadUrl);
  expect(file.statusCode).toBe(200);
  return file.rawPayload;
}

async function xlsxRows(buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  ids = await appraisalCampaign(t, {
    name: 'Phiếu kết quả có kiến nghị',
    rules: { objectionWindowDays: 5, unitResults: { visibility: 'after_close', showProposed: false } },
  });
  const C1 = ids.assessments.C1!;
  const chair = await t.as('chair');
  const office = await t.as('office');
  const ok = async (p: Promise<{ statusCode: number; body: string }>, status = 200) => {
    const r = await p;
    if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`);
    return r as unknown as { json(): { id: string } };
  };
  await ok(
    chair.put(itemUrl(C1, '1.1', 'appraisal'), {
      finalScore: 5,
      reason: 'insufficient_evidence',
      comment: 'Thiếu biên bản',
      version: 0,
    }),
  );
  await acceptEverything(t, ids, chair);
  await ok(chair.post(`/api/v1/campaigns/${ids.campaignId}/close-appraisal`, { groupId: ids.groupId }));
  await ok(
    office.post(`/api/v1/campaigns/${ids.campaignId}/approve`, {
      groupId: ids.groupId,
      decisionNumber: '31/QĐ-UBND',
      decisionDate: '2026-11-10',
    }),
  );
  const rep = await t.as('rep_c1');
  const file = (code: string, text: string) =>
    ok(rep.post(`/api/v1/assessments/${C1}/items/${code}/objections`, { text }), 201);
  const o11 = await file('1.1', 'Đơn vị đã có biên bản kiểm tra');
  const o12 = await file('1.2', 'Đề nghị xem lại 1.2');
  await file('1.3', 'Đề nghị xem lại 1.3');
  await ok(
    chair.post(`/api/v1/objections/${o11.json().id}/answer`, {
      outcome: 'upheld',
      reason: 'Biên bản hợp lệ',
      finalScore: 7.5,
    }),
  );
  await ok(
    chair.post(`/api/v1/objections/${o12.json().id}/answer`, {
      outcome: 'rejected',
      reason: 'Kế hoạch chưa được phê duyệt',
    }),
  );
  await ok(office.post(`/api/v1/campaigns/${ids.campaignId}/publish`, {}), 201);
});
afterAll(() => t.close());

describe("the scorecard shows the unit's objections", () => {
  it('.xlsx: a "Kiến nghị" column with each objected item\'s status; none for a unit without objections', async () => {
    const rows = await xlsxRows(await exportFile('scorecard_xlsx', 'C1'));
    const header = rows.find((r) => r[0] === 'Mã')!;
    expect(header.at(-1)).toBe('Kiến nghị');
    const item = (code: string) => rows.find((r) => r[0] === code)!;
    // Upheld: the new final score is the published one.
    expect([...item('1.1').slice(4, 6), item('1.1').at(-1)]).toEqual([7.5, 0, 'Chấp nhận — điểm mới 7,5']);
    expect(item('1.2').at(-1)).toBe('Không chấp nhận — Kế hoạch chưa được phê duyệt');
    expect(item('1.3').at(-1)).toBe('Chờ trả lời');
    expect(item('2.1').at(-1) ?? '').toBe('');
    const other = await xlsxRows(await exportFile('scorecard_xlsx', 'C3'));
    expect(other.find((r) => r[0] === 'Mã')!.at(-1)).toBe('Lý do điều chỉnh');
  });

  it('PDF: the same statuses, rendered to PNG for a look', async () => {
    const pdf = await exportFile('scorecard_pdf', 'C1');
    await mkdir('test/.tmp', { recursive: true });
    await writeFile('test/.tmp/scorecard-objections.pdf', pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      'test/.tmp/scorecard-objections.pdf',
      'test/.tmp/scorecard-objections',
    ]);
    const text = execFileSync('pdftotext', ['-layout', 'test/.tmp/scorecard-objections.pdf', '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('Kiến nghị');
    expect(text).toContain('Chờ trả lời');
    expect(text).toMatch(/Chấp nhận —\s+điểm mới 7,5/);
    expect(text).toMatch(/Không chấp nhận\s+— Kế hoạch/);
  });
});
