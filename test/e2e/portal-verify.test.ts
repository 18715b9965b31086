// Verification without installing anything (issue 14 §4), in Chromium: the open-data page checks the
// published snapshot in the browser (WebCrypto) and shows "Hợp lệ" with its three checks; a snapshot
// file the visitor uploads is read locally — no request leaves the page — and a tampered one reads
// "Không hợp lệ", the content check failing; the page links the single-file verifier, which runs with
// plain `node` on the downloaded snapshot. Screenshots at 390 and 1440 px (test/.tmp/screens/verify-*).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';

let baseUrl = '';
let stopServer: (() => Promise<void>) | null = null;
let phone: BrowserSession;
let desktop: BrowserSession;
let snapshot = '';
const dir = mkdtempSync(join(tmpdir(), 'thuocdo-verify-e2e-'));

beforeAll(async () => {
  const server = await serverForJourney();
  baseUrl = server.baseUrl;
  stopServer = server.stop;
  phone = await openSession(baseUrl, 'verify-390', { width: 390, height: 844 });
});

afterAll(async () => {
  await phone?.close();
  await desktop?.close();
  await stopServer?.();
  rmSync(dir, { recursive: true, force: true });
});

/** One digit of the first final total changed, nothing else (same length, still valid JSON). */
function tampered(text: string): string {
  const i = text.indexOf('"finalTotal":') + '"finalTotal":'.length;
  return text.slice(0, i) + (text[i] === '9' ? '8' : '9') + text.slice(i + 1);
}

async function openDataPage(s: BrowserSession) {
  await s.page.goto('/cong-khai');
  await s.page.getByTestId('portal-open-data-link').first().click();
  await s.page.getByTestId('verify-panel').waitFor();
}

describe('verifying a publication in the browser', () => {
  it('checks the published snapshot as the open-data page opens: "Hợp lệ", three checks passed', async () => {
    const { page } = phone;
    await openDataPage(phone);
    await expect(page.getByTestId('verify-published-result').textContent()).resolves.toBe('Hợp lệ');
    const checks = await page.getByTestId('verify-published-check').allTextContents();
    expect(checks).toHaveLength(3);
    expect(checks.map((c) => c.split(' — ')[0])).toEqual([
      '✔ Đạt Nội dung khớp mã băm',
      '✔ Đạt Chữ ký hợp lệ',
      '✔ Đạt Khóa ký là khóa do cơ quan vận hành công bố',
    ]);
    await expect(page.getByTestId('verify-command').textContent()).resolves.toBe(
      'node verify-thuocdo.mjs snapshot.json',
    );
    expect(await page.locator('body').textContent()).not.toContain('npx');
    // Nothing wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot('published');
  });

  it('reads an uploaded tampered file locally and says "Không hợp lệ"; the genuine file "Hợp lệ"', async () => {
    const { page } = phone;
    const url = await page.getByTestId('download-snapshot').getAttribute('href');
    snapshot = await (await page.request.get(url!)).text();
    const sent: string[] = [];
    page.on('request', (r) => sent.push(`${r.method()} ${r.url()}`));
    await page.getByTestId('verify-file').setInputFiles({
      name: 'ban-cong-bo-da-sua.json',
      mimeType: 'application/json',
      buffer: Buffer.from(tampered(snapshot)),
    });
    await expect.poll(() => page.getByTestId('verify-upload-result').textContent()).toBe('Không hợp lệ');
    const checks = await page.getByTestId('verify-upload-check').allTextContents();
    expect(checks[0]).toMatch(/^✘ Không đạt Nội dung khớp mã băm — .*đã bị thay đổi/);
    expect(checks[1]).toMatch(/^✔ Đạt Chữ ký hợp lệ/);
    await phone.screenshot('tampered');
    await page
      .getByTestId('verify-file')
      .setInputFiles({ name: 'snapshot.json', mimeType: 'application/json', buffer: Buffer.from(snapshot) });
    await expect.poll(() => page.getByTestId('verify-upload-result').textContent()).toBe('Hợp lệ');
    expect(sent, 'the chosen files never leave the browser').toEqual([]);
  });

  it('at 1440 px: the same verdicts, and the downloadable verifier runs with plain node', async () => {
    desktop = await openSession(baseUrl, 'verify-1440', { width: 1440, height: 900 });
    const { page } = desktop;
    await openDataPage(desktop);
    await expect(page.getByTestId('verify-published-result').textContent()).resolves.toBe('Hợp lệ');
    await page.getByTestId('verify-file').setInputFiles({
      name: 'ban-cong-bo-da-sua.json',
      mimeType: 'application/json',
      buffer: Buffer.from(tampered(snapshot)),
    });
    await expect.poll(() => page.getByTestId('verify-upload-result').textContent()).toBe('Không hợp lệ');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
    await desktop.screenshot('tampered');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-verifier').click(),
    ]);
    expect(download.suggestedFilename()).toBe('verify-thuocdo.mjs');
    copyFileSync((await download.path())!, join(dir, 'verify-thuocdo.mjs'));
    writeFileSync(join(dir, 'snapshot.json'), snapshot);
    writeFileSync(join(dir, 'da-sua.json'), tampered(snapshot));
    const run = (file: string) =>
      spawnSync(process.execPath, ['verify-thuocdo.mjs', file], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 30_000,
        env: { PATH: process.env.PATH ?? '' },
      });
    const good = run('snapshot.json');
    expect([good.status, good.stdout.split('\n')[0]]).toEqual([0, 'HỢP LỆ / VALID']);
    expect(good.stdout).toMatch(/✔ Đạt: +Khóa ký là khóa do cơ quan vận hành công bố/);
    const bad = run('da-sua.json');
    expect([bad.status, bad.stderr.split('\n')[0]]).toEqual([2, 'KHÔNG HỢP LỆ / INVALID']);
  });
});
