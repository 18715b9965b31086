// The portal keeps the latest snapshot's metadata in memory (app/publication/published-memo.ts): a warm
// public request reads nothing, yet a change to the snapshots row — by hand, between two requests, through
// the app's own database handle — is seen by the very next request: refused at once when it no longer
// verifies, served again at once when put back. Runs on PGlite (NOTIFY) and PostgreSQL (the pool's own
// writes; other processes' by LISTEN).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicationGeneration } from '../../src/db/publication-changes.ts';
import { type PublishedIds, publishedCampaign } from '../support/published-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let ids: PublishedIds;
const P = '/api/public/v1';

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  ids = await publishedCampaign(t, { set: (d) => (now = d) });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('the snapshot metadata kept in memory', () => {
  it('is current on the very next request after the row changes', async () => {
    const url = `${P}/campaigns/${ids.campaignId}/groups/${ids.groupId}/results`;
    const first = await t.anonymous.get(url);
    expect(first.statusCode).toBe(200);
    expect((await t.anonymous.get(url)).statusCode).toBe(200);
    // Armed on first use (PostgreSQL: once its LISTEN connection is up): from then on, served from memory.
    await expect.poll(() => publicationGeneration(t.database.db), { timeout: 10_000 }).toEqual(expect.any(Number));
    expect((await t.anonymous.get(url)).statusCode).toBe(200);
    const before = publicationGeneration(t.database.db)!;

    const tampered = 'f'.repeat(64);
    await t.database.db.execute(sql`update snapshots set digest = ${tampered} where id = ${ids.snapshot.id}::uuid`);
    expect(publicationGeneration(t.database.db)).toBeGreaterThan(before);
    const refused = await t.anonymous.get(url);
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error.code).toBe('PUBLICATION_UNVERIFIED');
    const list = (await t.anonymous.get(`${P}/campaigns`)).json();
    expect(list.items).toEqual([expect.objectContaining({ id: ids.campaignId, verified: false, digest: tampered })]);

    await t.database.db.execute(
      sql`update snapshots set digest = ${ids.snapshot.digest} where id = ${ids.snapshot.id}::uuid`,
    );
    const again = await t.anonymous.get(url);
    expect(again.statusCode).toBe(200);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.body).toBe(first.body);
  });
});
