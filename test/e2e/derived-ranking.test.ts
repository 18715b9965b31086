// Browser journey (issue 15 §2): a visitor opens the 2024 campaign, published on the former three-level
// structure (216 communes), and switches to "Xếp hạng quy đổi theo đơn vị hiện nay": the 69 communes of
// today's Hà Tĩnh, each from its former communes' published percents — labelled as derived, the method and
// the lineage used (Nghị quyết 1665/NQ-UBTVQH15, effective 01/07/2025) stated, the predecessors on each row.
// At 390 px and 1440 px; screenshots in test/.tmp/screens/derived-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';

let stopServer: (() => Promise<void>) | null = null;
let s: BrowserSession;

beforeAll(async () => {
  const server = await serverForJourney();
  stopServer = server.stop;
  s = await openSession(server.baseUrl, 'derived', { width: 390, height: 844 });
});

afterAll(async () => {
  await s?.close();
  await stopServer?.();
});

describe('derived ranking of the 2024 campaign in the portal', () => {
  it('switches from the published ranking of 216 former communes to the 69 current ones, labelled as derived', async () => {
    const { page } = s;
    await page.goto('/cong-khai');
    const card = page.getByTestId('portal-campaign').filter({ hasText: '2024' }).first();
    await card.getByTestId('portal-group-link').filter({ hasText: 'xã' }).first().click();
    await page.getByTestId('ranking-table').waitFor();
    await page.getByTestId('ranking-mode-derived').click();
    await page.getByTestId('derived-ranking-table').waitFor();
    await expect(page.getByTestId('derived-ranking-notice').textContent()).resolves.toContain('suy ra');
    await expect(page.getByTestId('derived-ranking-method').textContent()).resolves.toContain('trọng số bằng nhau');
    await expect(page.getByTestId('derived-ranking-lineage').textContent()).resolves.toContain('01/07/2025');
    // 50 rows at first, then the rest: 69 current commune-level units.
    await page.getByRole('button', { name: /Xem thêm/ }).click();
    await expect.poll(() => page.getByTestId('derived-ranking-row').count()).toBe(69);
    const first = page.getByTestId('derived-ranking-row').first();
    expect(await first.getByTestId('derived-ranking-pred').count()).toBeGreaterThan(0);
    await page.getByTestId('portal-search').fill('cam binh');
    await expect.poll(() => page.getByTestId('derived-ranking-row').count()).toBe(1);
    await s.screenshot('phone');
    await page.getByTestId('portal-search').fill('');
    // The original ranking is one click away.
    await page.getByTestId('ranking-mode-original').click();
    await page.getByTestId('ranking-table').waitFor();
  });

  it('shows the derived ranking at 1440 px', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('ranking-mode-derived').click();
    await page.getByTestId('derived-ranking-table').waitFor();
    await s.screenshot('desktop');
  });
});
