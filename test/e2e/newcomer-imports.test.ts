// Issue 17, in the browser on the demo province: each import page offers its template, and the template
// downloaded imports back unchanged; a file with problems shows them all and offers the marked report;
// a campaign transition's confirmation names the units, their deadline and who is notified.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type BrowserSession } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';

let server: { baseUrl: string; stop(): Promise<void> };
let s: BrowserSession;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-newcomer-'));

beforeAll(async () => {
  server = await serverForJourney();
  s = await openSession(server.baseUrl, 'newcomer');
}, 180_000);
afterAll(async () => {
  await s?.close();
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function login(page: Page, username: string, password: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}

/** Clicks and saves the file the page downloads; returns its path. */
async function download(page: Page, testId: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const target = path.join(tmp, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

async function importFile(page: Page, file: string) {
  await page.locator('.ant-modal input[type=file]').setInputFiles(file);
  await page.getByTestId('import-submit').click();
}

describe('a newcomer imports', { timeout: 120_000 }, () => {
  it('org units: the template imports back unchanged; a bad file lists every problem and gives the marked report', async () => {
    const { page } = s;
    await login(page, 'admin', 'admin123');
    await page.goto('/org-units');
    await page.getByTestId('unit-import').click();
    const template = await download(page, 'import-template');
    expect(path.basename(template)).toBe('mau-nhap-don-vi.xlsx');
    await importFile(page, template);
    await page.locator('.ant-modal .ant-alert-success').waitFor();

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên']);
    ws.addRow(['', 'Xã Thiếu Mã', 'Xã', 'HT']);
    ws.addRow(['HT.LOI2', 'Xã Lỗi Hai', 'Loại lạ', 'HT']);
    ws.addRow(['HT.LOI3', 'Xã Lỗi Ba', 'Xã', 'KHONGCO']);
    const bad = path.join(tmp, 'don-vi-loi.xlsx');
    await wb.xlsx.writeFile(bad);
    await importFile(page, bad);
    await page.getByTestId('import-problems').waitFor();
    expect(await page.getByTestId('import-problems').locator('tbody tr.ant-table-row').count()).toBe(3);
    const report = await download(page, 'import-report');
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(report);
    expect(read.worksheets[0]!.getCell('D4').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
  });

  it('accounts: the template imports back unchanged', async () => {
    const { page } = s;
    await page.goto('/users');
    await page.getByTestId('user-import').click();
    const template = await download(page, 'import-template');
    await importFile(page, template);
    await page.locator('.ant-modal .ant-alert-success').waitFor();
  });

  it('a campaign transition says which units, which deadline and who is notified before it runs', async () => {
    const { page } = s;
    await login(page, 'sotttt', 'demo1234');
    const campaigns = await page.evaluate(
      async () =>
        (await (await fetch('/api/v1/campaigns?status=open&pageSize=50')).json()) as {
          items: { id: string; kind: string }[];
        },
    );
    const open = campaigns.items.find((c) => c.kind === 'annual')!;
    await page.goto(`/campaigns/${open.id}`);
    await page.getByTestId('camp-action-close_self_assessment').click();
    const effects = await page.getByTestId('camp-action-effects').textContent();
    expect(effects).toMatch(/Áp dụng cho \d+ đơn vị/);
    expect(effects).toMatch(/hạn \d{2}\/\d{2}\/\d{4}/);
    expect(effects).toContain('Không gửi thông báo tới ai');
  });
});
