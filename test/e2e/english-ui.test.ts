// Issue 14 §6: with the interface in English, what the server sends (timing, the pre-submission check's
// notices and problems, inbox tasks, an error) reads in English — the server sends codes and parameters, the
// app words them. On the demo seed: the reporter's home and form at 390 and 1440 px, the check before
// submitting, the DX office's progress table, a refused login. Screenshots go to test/.tmp/screens/english.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { animationsDone, launchBrowser } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';

const OUT = join(process.cwd(), 'test', '.tmp', 'screens', 'english');
const WIDTHS = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
];
/** Letters only Vietnamese writes (with its tone marks): none may appear in text the app words in English. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

let baseUrl = '';
let stopServer: (() => Promise<void>) | null = null;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const server = await serverForJourney();
  baseUrl = server.baseUrl;
  stopServer = server.stop;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stopServer?.();
});

async function englishPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'en-GB' });
  await context.addInitScript(() => localStorage.setItem('thuocdo.lang', 'en'));
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function login(page: Page, username: string) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-welcome').waitFor();
}

async function textsOf(list: Locator): Promise<string[]> {
  return (await list.allTextContents()).map((s) => s.trim()).filter(Boolean);
}

function english(texts: string[]) {
  expect(texts.filter((s) => VIETNAMESE.test(s))).toEqual([]);
}

describe('the interface in English', () => {
  for (const w of WIDTHS)
    it(`the reporter at ${w.viewport.width} px: home, form and the check before submitting`, async () => {
      const page = await englishPage(w.viewport);
      await login(page, 'camb.nhaplieu');
      await page.getByTestId('home-inbox').waitFor();
      await page.getByTestId('mine-list').waitFor();
      english(await textsOf(page.getByTestId('inbox-deadline')));
      english(await textsOf(page.locator('[data-testid="mine-days"], [data-testid="mine-missing"]')));
      await page.screenshot({ path: join(OUT, `home-reporter-${w.name}.png`), fullPage: true, animations: 'disabled' });

      await page.getByTestId('mine-open').first().click();
      await page.getByTestId('as-check').waitFor();
      await page.screenshot({ path: join(OUT, `form-${w.name}.png`), animations: 'disabled' });
      await page.getByTestId('as-check').click();
      const notices = page.locator('[data-testid^="as-check-notice-"]');
      const problems = page.getByTestId('as-check-problem-text');
      await page.locator('[data-testid="as-check-ready"], [data-testid="as-check-problem-text"]').first().waitFor();
      const worded = [...(await textsOf(notices)), ...(await textsOf(problems))];
      expect(worded.length).toBeGreaterThan(0);
      english(worded);
      await animationsDone(page.getByRole('dialog').first()); // the modal's opening motion
      await page.screenshot({ path: join(OUT, `form-check-${w.name}.png`), animations: 'disabled' });
      await page.context().close();
    });

  it('the DX office: the progress table words each unit’s timing in English', async () => {
    const page = await englishPage({ width: 1440, height: 900 });
    await login(page, 'sokhcn');
    const list = (await (await page.request.get('/api/v1/campaigns')).json()) as {
      items: { id: string; status: string }[];
    };
    const open = list.items.find((c) => c.status === 'open') ?? list.items[0]!;
    await page.goto(`/campaigns/${open.id}/progress`);
    await page.getByTestId('prog-timing').first().waitFor();
    const timings = await textsOf(page.getByTestId('prog-timing'));
    expect(timings.length).toBeGreaterThan(0);
    english(timings);
    await page.screenshot({ path: join(OUT, 'progress-office-desktop.png'), animations: 'disabled' });
    await page.context().close();
  });

  it('a refused login reads in English (the error worded by its code)', async () => {
    const page = await englishPage({ width: 390, height: 844 });
    await page.goto('/login');
    await page.getByTestId('login-username').fill('camb.nhaplieu');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    const error = (await page.getByTestId('login-error').textContent()) ?? '';
    expect(error).toMatch(/Wrong username or password/);
    english([error]);
    await page.context().close();
  });
});
