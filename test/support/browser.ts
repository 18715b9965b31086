// Headless Debian Chromium through playwright-core (playwright's own browser download is not available here).
// Install once with: apt-get update && apt-get install -y chromium
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENS_DIR = join(process.cwd(), 'test', '.tmp', 'screens');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Saves a full-page screenshot as test/.tmp/screens/<prefix>-<name>.png and returns its path. */
  screenshot: (name: string) => Promise<string>;
  close: () => Promise<void>;
}

export async function openSession(
  baseUrl: string,
  prefix: string,
  viewport = { width: 1366, height: 860 },
): Promise<BrowserSession> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const browser = await launchBrowser();
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  let step = 0;
  return {
    browser,
    context,
    page,
    screenshot: async (name: string) => {
      step += 1;
      const path = join(SCREENS_DIR, `${prefix}-${String(step).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}
