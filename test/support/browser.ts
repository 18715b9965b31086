// Headless Debian Chromium through playwright-core (playwright's own browser download is not available here).
// Install once with: apt-get update && apt-get install -y chromium
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

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

// ---- Clicks that do not flake on a loaded machine ------------------------------------------------------------
// CI runs the journeys on 2 busy cores: a click can land while what it depends on is still arriving (a list
// being replaced, a dropdown or dialog still animating in). These helpers wait for the click's precondition
// or verify its result, never a fixed sleep.

/** True once `locator` is visible, false if it is not within `timeout` ms. */
export async function appears(locator: Locator, timeout: number): Promise<boolean> {
  return locator.waitFor({ state: 'visible', timeout }).then(
    () => true,
    () => false,
  );
}

/**
 * Waits until no finite CSS animation or transition runs on `locator`'s element or inside it (a dialog's
 * zoom, a dropdown's slide, a panel's height): measure or click it only then. Spinners (infinite) are ignored.
 */
export async function animationsDone(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
  const deadline = Date.now() + timeout;
  for (;;) {
    const running = await locator.evaluate(
      (el) =>
        el
          .getAnimations({ subtree: true })
          .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity).length,
    );
    if (running === 0) return;
    if (Date.now() > deadline) throw new Error(`${running} animation(s) still running after ${timeout} ms`);
    await locator.page().waitForTimeout(50); // a poll interval, not a guess at how long the motion takes
  }
}

/**
 * Clicks `target` and waits for `opened`, what the click shows (a dialog, a drawer, a panel). A click that
 * landed on an element being re-rendered can be lost: if `opened` did not appear within `retryAfter` ms the
 * click is made once more. Only for idempotent clicks (opening something); if `opened` appeared meanwhile and
 * covers `target`, the second click is skipped.
 */
export async function clickToOpen(target: Locator, opened: Locator, retryAfter = 5_000): Promise<void> {
  await target.click();
  if (await appears(opened, retryAfter)) return;
  await target.click({ timeout: 2_000 }).catch(() => undefined);
  await opened.waitFor({ state: 'visible' });
}

/**
 * Picks the option showing `text` in the antd Select (or TreeSelect) `select` and waits until the Select shows
 * it: a click that lands while the dropdown is still sliding in can miss, and a form would then be sent with
 * the previous value. `shown` is where the choice appears (the Select itself by default). Opens the dropdown
 * only if it is not open yet (a second click on an open Select closes it), waits for its motion to end, and
 * tries again (at most three times) if the choice did not take.
 */
export async function pickOption(page: Page, select: Locator, text: string, shown: Locator = select): Promise<void> {
  const options = page.locator('.ant-select-item-option, .ant-select-tree-treenode', { hasText: text });
  // The open dropdown holding the option (another Select's may still be fading out).
  const dropdown = page.locator('.ant-select-dropdown:visible', { has: options }).first();
  const option = dropdown.locator(options).first();
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await option.isVisible())) await select.click();
    if (!(await appears(option, 5_000))) continue;
    await animationsDone(dropdown);
    await option.click({ timeout: 5_000 }).catch(() => undefined);
    const taken = await shown
      .filter({ hasText: text })
      .waitFor({ timeout: 2_000 })
      .then(
        () => true,
        () => false,
      );
    if (taken) return;
  }
  throw new Error(`"${text}" was not selected; the Select shows "${await shown.textContent()}"`);
}
