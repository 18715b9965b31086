// Browser journey of the system administrator: log in, create a unit, find it by searching without
// diacritics, log out. Screenshots of each step go to test/.tmp/screens/.
// The server is started by startTestServer() (demo province seeded); set E2E_BASE_URL to run against an
// already running server instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animationsDone, clickToOpen, openSession } from '../support/browser.ts';
import type { BrowserSession } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';

let baseUrl = '';
let stopServer: (() => Promise<void> | void) | null = null;
let s: BrowserSession;

beforeAll(async () => {
  const server = await serverForJourney();
  baseUrl = server.baseUrl;
  stopServer = server.stop;
  s = await openSession(baseUrl, 'admin-journey');
});

afterAll(async () => {
  await s?.close();
  await stopServer?.();
});

const CODE = 'TEST.E2E.1';
const NAME = 'Xã Thử Nghiệm Đức Hòa';

describe('admin journey', () => {
  it('redirects to the login page and logs in', async () => {
    const { page } = s;
    await page.goto('/org-units');
    await page.waitForURL(/\/login$/);
    await expect(page.title()).resolves.toContain('Thước Đo');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('sai-mat-khau');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    await s.screenshot('login-error');

    await page.getByTestId('login-password').fill('admin123');
    await s.screenshot('login');
    await page.getByTestId('login-submit').click();
    // Back to the page we came from.
    await page.waitForURL(/\/org-units$/);
    await page.getByTestId('unit-tree').waitFor();
    await expect(page.getByTestId('logout-button').isVisible()).resolves.toBe(true);
    await s.screenshot('org-units');
  });

  it('creates a unit under the province', async () => {
    const { page } = s;
    // Select the top of the tree (the demo province) and add a child unit to it.
    await page.getByTestId('unit-tree').locator('[data-testid^="unit-node-"]').first().click();
    await clickToOpen(page.getByTestId('unit-create-child'), page.getByTestId('unit-form-code'));
    await page.getByTestId('unit-form-code').fill(CODE);
    await page.getByTestId('unit-form-name').fill(NAME);
    await animationsDone(page.getByRole('dialog').filter({ has: page.getByTestId('unit-form-code') }));
    await s.screenshot('create-form');
    await page.getByTestId('unit-form-submit').click();
    await page.getByTestId('unit-form-code').waitFor({ state: 'detached' });
    await page.getByTestId('unit-detail-name').filter({ hasText: NAME }).waitFor();
    await s.screenshot('created');
  });

  it('finds the unit by searching without diacritics', async () => {
    const { page } = s;
    await page.getByTestId('unit-search').fill('duc hoa');
    const node = page.getByTestId(`unit-node-${CODE}`);
    await node.waitFor();
    await expect(node.textContent()).resolves.toContain(NAME);
    // The matched letters are highlighted.
    await expect(node.locator('mark').first().textContent()).resolves.toMatch(/Đức|Hòa/);
    await s.screenshot('search');
    await node.click();
    await page.getByTestId('unit-detail-name').filter({ hasText: NAME }).waitFor();
  });

  it('logs out', async () => {
    const { page } = s;
    await page.getByTestId('logout-button').click();
    await page.waitForURL(/\/login$/);
    await page.getByTestId('login-form').waitFor();
    await s.screenshot('logged-out');
    // The session is gone: a protected page sends us back to the login page.
    await page.goto('/users');
    await page.waitForURL(/\/login$/);
  });
});
