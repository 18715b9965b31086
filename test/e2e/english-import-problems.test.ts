// Issue 14 §6: with the interface in English, a rejected import's problems read in English — org units,
// accounts and an index-set file (a workbook's sheet problems and the set's checks). The server sends a code
// and parameters with each problem; the app words them (the column keeps the file's own header, as the
// file reads). On the demo seed at 1440 px; screenshots go to test/.tmp/screens/english.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';

const OUT = path.join(process.cwd(), 'test', '.tmp', 'screens', 'english');
/** Letters only Vietnamese writes (with its tone marks): none may appear in the worded problems. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-en-import-'));

let baseUrl = '';
let stopServer: (() => Promise<void>) | null = null;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await serverForJourney();
  baseUrl = server.baseUrl;
  stopServer = server.stop;
  browser = await launchBrowser();
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('thuocdo.lang', 'en'));
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto('/login');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('admin123');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stopServer?.();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function xlsx(name: string, sheet: string, rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Uploads the file in the open import dialog and returns the problem column's texts. */
async function problemsAfterUpload(file: string, messageColumn: number): Promise<string[]> {
  await page.locator('.ant-modal input[type=file]').setInputFiles(file);
  await page.getByTestId('import-submit').click();
  const table = page.getByTestId('import-problems');
  await table.waitFor();
  const cells = table.locator(`tbody tr.ant-table-row td:nth-child(${messageColumn})`);
  return (await cells.allTextContents()).map((s) => s.trim());
}

describe('import problems in English', { timeout: 120_000 }, () => {
  it('org units: each problem worded from its code, with the row’s values', async () => {
    await page.goto('/org-units');
    await page.getByTestId('unit-import').click();
    const file = await xlsx('units.xlsx', 'Don vi', [
      ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên'],
      ['', 'Xa A', 'Xã', 'HT'],
      ['HT.BAD2', 'Xa B', 'Strange', 'HT'],
      ['HT.BAD3', 'Xa C', 'Xã', 'NOWHERE'],
    ]);
    const texts = await problemsAfterUpload(file, 3);
    expect(texts).toEqual([
      'Value missing.',
      'Type "Strange" is not valid (for example: Sở, Huyện, Xã, Phường, Đơn vị sự nghiệp).',
      'No parent unit with code "NOWHERE" (in the file or in the system).',
    ]);
    await page.screenshot({ path: path.join(OUT, 'import-units-problems-desktop.png'), animations: 'disabled' });
    await page.keyboard.press('Escape');
  });

  it('accounts: a bad username, a weak password and an unknown unit', async () => {
    await page.goto('/users');
    await page.getByTestId('user-import').click();
    const file = await xlsx('users.xlsx', 'Tai khoan', [
      ['Tên đăng nhập', 'Họ và tên', 'Email', 'Điện thoại', 'Mật khẩu', 'Vai trò', 'Mã đơn vị'],
      ['x', 'Nguoi Mot', '', '', 'Hoa-Sen-2026', '', ''],
      ['nguoi.hai', 'Nguoi Hai', '', '', '123', '', ''],
      ['nguoi.ba', 'Nguoi Ba', '', '', 'Hoa-Sen-2026', 'viewer', 'NOWHERE'],
    ]);
    const texts = await problemsAfterUpload(file, 3);
    expect(texts).toEqual([
      'Username "x" is not valid.',
      'The password needs 8 to 200 characters, with both letters and digits.',
      'No unit with code "NOWHERE".',
    ]);
    await page.screenshot({ path: path.join(OUT, 'import-users-problems-desktop.png'), animations: 'disabled' });
    await page.keyboard.press('Escape');
  });

  it('an index-set workbook: sheet problems and the set’s checks, each in English', async () => {
    await page.goto('/frameworks');
    await page.getByTestId('fw-import').click();
    const file = await xlsx('index-set.xlsx', 'Bo chi so', [
      ['STT', 'Tên chỉ số', 'Điểm tối đa', 'Phương pháp tính điểm'],
      ['1', 'Group A', 10, null],
      ['1.1', 'Item one', 6, 'yesno'],
      ['1.2', 'Item two', 'ten', 'yesno'],
      ['2', 'Item three', 5, 'ratio cap=x'],
    ]);
    await page.locator('.ant-modal input[type=file]').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    const table = page.getByTestId('import-problems');
    await table.waitFor();
    const texts = (await table.locator('tbody tr.ant-table-row td:nth-child(4)').allTextContents()).map((s) =>
      s.trim(),
    );
    expect(texts.length).toBeGreaterThan(0);
    // Quoted: the file's own words (a cell's value, a label of the information sheet), shown as the file reads.
    expect(texts.filter((s) => VIETNAMESE.test(s.replace(/"[^"]*"/g, '""')))).toEqual([]);
    expect(texts).toContain(
      'Missing "Mã bộ chỉ số": add a row to the sheet "Thông tin" (column A: "Mã bộ chỉ số", column B: the value).',
    );
    expect(texts).toContain('Maximum points "ten" is not a number.');
    await page.screenshot({ path: path.join(OUT, 'import-index-set-problems-desktop.png'), animations: 'disabled' });
  });
});
