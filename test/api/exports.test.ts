// Official outputs as jobs: ranking .xlsx (official layout, sheet per group), scorecard .xlsx and PDF,
// the decision annex .docx with the national motto; job progress; who may export and follow a job.
import { writeFile, mkdir } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/infra/config.ts';
import { createJobHandlers } from '../../src/app/jobs/handlers.ts';
import { createJobWorker } from '../../src/app/jobs/worker.ts';
import { type PublishedIds, publishedCampaign } from '../support/published-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let ids: PublishedIds;
beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  ids = await publishedCampaign(t, { set: (d) => (now = d) });
});
afterAll(() => t.close());

async function runJobs() {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', THUOCDO_DATA_DIR: 'test/.tmp/data' });
  const ctx = { db: t.database.db, config, clock: () => new Date(), realClock: () => new Date() };
  return createJobWorker({ db: t.database.db, handlers: createJobHandlers(ctx), clock: ctx.clock }).runOnce();
}

async function exportFile(username: string, body: { kind: string; unitId?: string }) {
  const c = await t.as(username);
  const res = await c.post(`/api/v1/campaigns/${ids.campaignId}/exports`, body);
  expect(res.statusCode, res.body).toBe(202);
  const { jobId } = res.json();
  expect((await c.get(`/api/v1/jobs/${jobId}`)).json()).toMatchObject({ status: 'queued', progress: 0, result: null });
  expect(await runJobs()).toBeGreaterThan(0);
  const job = (await c.get(`/api/v1/jobs/${jobId}`)).json();
  expect(job).toMatchObject({
    status: 'done',
    progress: 1,
    result: { downloadUrl: `/api/v1/exports/${jobId}/download` },
  });
  const file = await c.get(job.result.downloadUrl);
  expect(file.statusCode).toBe(200);
  return { jobId, file, job };
}

describe('official outputs', () => {
  it('ranking .xlsx: a sheet per group, title rows, the official header, units in ranking order, A4 print setup', async () => {
    const { file } = await exportFile('office', { kind: 'ranking_xlsx' });
    expect(file.headers['content-disposition']).toMatch(/Bang-xep-hang-DTI-2026\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM 2026');
    expect(ws.getRow(5).values).toEqual([
      undefined,
      'STT',
      'Tên đơn vị',
      'Điểm tự chấm',
      'Điểm thẩm định',
      'Tỷ lệ %',
      'Xếp loại',
      'Xếp hạng',
      'Tình trạng nộp',
    ]);
    expect([6, 7, 8].map((r) => [ws.getRow(r).getCell(1).value, ws.getRow(r).getCell(7).value])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(ws.getRow(8).getCell(6).value).toBe('Yếu');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '5:5' });
  });

  it('scorecard .xlsx and PDF for a unit: every item with max, self, final, delta and reason', async () => {
    const { file } = await exportFile('chair', { kind: 'scorecard_xlsx', unitId: t.unit('C1') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const i11 = rows.find((r) => r[0] === '1.1')!;
    // The reason and the council's own comment (issue 14 §1): the unit reads why, not only a category.
    expect(i11.slice(2)).toEqual([10, 7.5, 6, -1.5, 'Tài liệu kiểm chứng chưa đủ: BÌNH LUẬN NỘI BỘ']);
    expect(String(rows[1]![0])).toContain('Đơn vị:');
    const pdf = await exportFile('office', { kind: 'scorecard_pdf', unitId: t.unit('C1') });
    expect(pdf.file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.file.headers['content-type']).toBe('application/pdf');
    await mkdir('test/.tmp', { recursive: true });
    await writeFile('test/.tmp/scorecard.pdf', pdf.file.rawPayload);
  });

  it('annex .docx: national motto, title, ranking table, signature block', async () => {
    const { file } = await exportFile('viewer', { kind: 'annex_docx' });
    await mkdir('test/.tmp', { recursive: true });
    await writeFile('test/.tmp/annex.docx', file.rawPayload); // to render and look at (soffice → pdftoppm)
    const zip = await JSZip.loadAsync(file.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM 2026',
      '2500/QĐ-UBND',
      // The signature block as the approval record states it (Nghị định 30/2020).
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Xếp hạng',
      'Tình trạng nộp',
    ])
      expect(text).toContain(s);
    // Nghị định 30/2020: the People's Committee heads the document, not the locality's bare name.
    expect(text).toContain('ỦY BAN NHÂN DÂNTỈNH THỬ NGHIỆM'); // two heading lines: "ỦY BAN NHÂN DÂN" / "TỈNH THỬ NGHIỆM"
    expect(text).toMatch(/của Ủy ban nhân dân tỉnh/);
  });

  it("authorization: a unit reporter → 403; a scorecard without a unit → 400; someone else's job → 404", async () => {
    expect(
      (await (await t.as('rep_c1')).post(`/api/v1/campaigns/${ids.campaignId}/exports`, { kind: 'ranking_xlsx' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await (await t.as('office')).post(`/api/v1/campaigns/${ids.campaignId}/exports`, { kind: 'scorecard_pdf' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await t.anonymous.post(`/api/v1/campaigns/${ids.campaignId}/exports`, { kind: 'ranking_xlsx' })).statusCode,
    ).toBe(401);
    const res = await (
      await t.as('office')
    ).post(`/api/v1/campaigns/${ids.campaignId}/exports`, { kind: 'ranking_xlsx' });
    const { jobId } = res.json();
    expect((await (await t.as('chair')).get(`/api/v1/jobs/${jobId}`)).statusCode).toBe(404);
    expect((await (await t.as('chair')).get(`/api/v1/exports/${jobId}/download`)).statusCode).toBe(404);
    expect((await (await t.as('office')).get(`/api/v1/exports/${jobId}/download`)).statusCode).toBe(409);
    await runJobs();
  });
});
