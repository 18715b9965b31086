// The penetration test's attack on the published results, end to end (issue 11, finding 7): the demo's
// published campaign is altered in the stopped server's embedded database (`jsonb_set`: the last unit of
// a ranking gets 999 points, 100 % and rank 1), the server is started again, and the portal shows no
// figure of it — the home page names the campaign with a warning, and its page says, in Vietnamese, that
// the publication failed verification.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { type BrowserSession, openSession } from '../support/browser.ts';
import { startTestServer } from '../support/e2e-server.ts';

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let s: BrowserSession;
let campaignId = '';

beforeAll(async () => {
  const first = await startTestServer();
  await first.stop(true);
  const database = await openPglite({ dir: first.dataDir });
  try {
    const [snap] = rowsOf<{ id: string; campaign_id: string }>(
      await database.db.execute(sql`select id, campaign_id from snapshots order by created_at desc limit 1`),
    );
    campaignId = snap!.campaign_id;
    await database.db.execute(sql`update snapshots set payload = jsonb_set(jsonb_set(jsonb_set(payload,
      array['results', (jsonb_array_length(payload->'results') - 1)::text, 'finalTotal'], '999'),
      array['results', (jsonb_array_length(payload->'results') - 1)::text, 'percent'], '100'),
      array['results', (jsonb_array_length(payload->'results') - 1)::text, 'rank'], '1') where id = ${snap!.id}::uuid`);
  } finally {
    await database.close();
  }
  server = await startTestServer({ dataDir: first.dataDir });
  s = await openSession(server.baseUrl, 'portal-unverified', { width: 390, height: 844 });
}, 300_000);

afterAll(async () => {
  await s?.close();
  await server?.stop();
});

describe('a published result altered in the database, after a restart', () => {
  it('the home page names the campaign with a warning and links to none of its figures', async () => {
    const { page } = s;
    await page.goto('/cong-khai');
    await page.getByTestId('portal-unverified').waitFor();
    const card = page.getByTestId('portal-campaign').filter({ has: page.getByTestId('portal-unverified') });
    await expect(card.textContent()).resolves.toContain('không vượt qua kiểm tra toàn vẹn');
    expect(await card.getByTestId('portal-group-link').count()).toBe(0);
    expect(await page.getByText('999').count()).toBe(0);
    await s.screenshot('home');
  });

  it('the campaign page says the publication failed verification, in Vietnamese, and shows no ranking', async () => {
    const { page } = s;
    await page.goto(`/cong-khai/ky/${campaignId}`);
    await page.getByTestId('portal-error').waitFor();
    await expect(page.getByTestId('portal-error').textContent()).resolves.toContain('không khớp mã băm hoặc chữ ký số');
    expect(await page.getByTestId('ranking-table').count()).toBe(0);
    expect(await page.getByText('PUBLICATION_UNVERIFIED').count()).toBe(0);
    await s.screenshot('campaign');
  });
});
