// A submission decides on hints read before it got the assessment's row lock (one round trip fewer on the
// deadline day's hot path); an item save that commits while the submission waits for that lock must still
// be seen: the write's guard finds the form's revision moved and the state is read again
// under the locks. Each case runs first through the submission without a transaction (decision 0024), whose
// write waits for the row and must see the save in the progress row it then locks. PostgreSQL only: PGlite has one connection, so nothing can commit while a statement waits.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshProgress } from '../../src/app/assessments/refresh-progress.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { type CampaignIds, addAccount, createOpenCampaign, fillAll } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';
import { testDbKind } from '../support/test-db-config.ts';
import { whileHeld } from '../support/while-held.ts';

let t: TestApp;
let ids: CampaignIds;

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-10T03:00:00Z') });
  ids = await createOpenCampaign(t);
  await addAccount(t, 'rep_c2', 'unit_reporter', 'C2');
  await addAccount(t, 'lead_c2', 'unit_leader', 'C2');
});
afterAll(() => t.close());

/**
 * A save-like transaction (the assessment row key-share locked, as an item save does, then `change`)
 * commits once the submission waits for the row — in its write on its own, or in the locked transaction's
 * read when the form's problems sent it there (any statement of this database: the read's FOR UPDATE is past
 * the first 1,024 bytes PostgreSQL shows); returns the submission's answer.
 */
async function submitWhileSaving(id: string, change: string, leader = 'lead_c1') {
  const lead = await t.as(leader);
  return whileHeld(t.database.db, [`select 1 from assessments where id = '${id}' for key share`, change], '', () =>
    lead.post(`/api/v1/assessments/${id}/submit`),
  );
}

const status = async (id: string) =>
  rowsOf<{ status: string }>(await t.database.db.execute(sql`select status from assessments where id = ${id}`))[0]!
    .status;

describe.skipIf(testDbKind() !== 'postgres')('a save committing while the submission waits for the row', () => {
  it('the items changed (stored progress stale): an explanation emptied → 422 naming the item, nothing recorded', async () => {
    const id = ids.assessments.C1!;
    await fillAll(t, id);
    const res = await submitWhileSaving(
      id,
      `update assessment_items set explanation = '' where assessment_id = '${id}' and code = '1.1'`,
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems).toEqual([expect.objectContaining({ code: '1.1' })]);
    expect(await status(id)).toBe('draft');
  });

  it('the last problem fixed by that save → submitted', async () => {
    const id = ids.assessments.C1!;
    const res = await submitWhileSaving(
      id,
      `update assessment_items set explanation = 'Bổ sung giải trình' where assessment_id = '${id}' and code = '1.1'`,
    );
    expect(res.statusCode).toBe(200);
    expect(await status(id)).toBe('submitted');
  });

  it('the stored progress fresh and complete when read, made stale by the save → 422, nothing recorded', async () => {
    const id = ids.assessments.C2!;
    await fillAll(t, id, 'rep_c2');
    await refreshProgress(t.database.db, { assessmentIds: [id] });
    const [p] = rowsOf<{ fresh: boolean }>(
      await t.database.db.execute(
        sql`select computed_rev = rev as fresh from assessment_progress where assessment_id = ${id}`,
      ),
    );
    expect(p?.fresh).toBe(true);
    const res = await submitWhileSaving(
      id,
      `update assessment_items set explanation = '' where assessment_id = '${id}' and code = '2.2'`,
      'lead_c2',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems).toEqual([expect.objectContaining({ code: '2.2' })]);
    expect(await status(id)).toBe('draft');
  });
});
