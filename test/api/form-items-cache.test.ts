// The form load serves its items from the process's cache at the form's revision (docs/decisions/0018):
// whatever changes what the items show moves the revision, and the next load shows it. Each step compares
// the answer of the app (cache on, loaded before the change so the cache holds the old revision) with the
// answer of a second app on the same database with the cache off — byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { App } from '../../src/server/http/route-types.ts';
import { suppliedFigures } from '../../src/db/schema/supply.ts';
import { users } from '../../src/db/schema/accounts.ts';
import { campaigns } from '../../src/db/schema/campaigns.ts';
import { type CampaignIds, createOpenCampaign, fillAll } from '../support/campaign-fixture.ts';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';
import { buildUncachedApp } from '../support/uncached-app.ts';

const now: Date = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let uncached: App;
let ids: CampaignIds;
const form = () => `/api/v1/assessments/${ids.assessments.C1}`;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  ids = await createOpenCampaign(t);
  uncached = await buildUncachedApp(t, () => now);
});
afterAll(async () => {
  await uncached.close();
  await t.close();
});

/** The form as the app with the cache answers it, and as the app without. */
async function both(c: Client) {
  const cached = await c.get(form());
  const fresh = await uncached.inject({ method: 'GET', url: form(), headers: { cookie: c.cookie } });
  expect(cached.statusCode).toBe(200);
  expect(fresh.statusCode).toBe(200);
  return { cached: cached.body, fresh: fresh.body, json: cached.json() };
}

/** The form's revision and the progress' own (assessment_progress, migrations 0016 and 0020). */
const revs = async () => {
  const res: unknown = await t.database.db.execute(
    sql`select form_rev, rev from assessment_progress where assessment_id = ${ids.assessments.C1}`,
  );
  // PGlite answers { rows }, node-postgres a result whose rows are the same.
  const [row] = ((res as { rows?: unknown[] }).rows ?? res) as { form_rev: string | number; rev: number }[];
  return { form: Number(row?.form_rev ?? 0), progress: Number(row?.rev ?? 0) };
};
const formRev = async () => (await revs()).form;

const itemOf = (json: { items: { code: string }[] }, code: string) => json.items.find((i) => i.code === code)!;

describe('the form served at its revision', () => {
  it('loaded twice without a change: the same bytes as the app without the cache', async () => {
    const rep = await t.as('rep_c1');
    await fillAll(t, ids.assessments.C1!);
    const first = await both(rep);
    const second = await both(rep);
    expect(first.cached).toBe(first.fresh);
    expect(second.cached).toBe(first.cached);
  });

  it('served from the cache while the revision stands: a write that bypassed the triggers is not seen', async () => {
    const rep = await t.as('rep_c1');
    await both(rep);
    // Triggers off for this transaction only (a superuser's replica role): the revision does not move.
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(
        sql`update assessment_items set explanation = 'Sửa ngoài ứng dụng' where assessment_id = ${ids.assessments.C1} and code = '1.2'`,
      );
    });
    const stale = await both(rep);
    expect(itemOf(stale.json, '1.2')).not.toMatchObject({ explanation: 'Sửa ngoài ứng dụng' });
    expect(itemOf(JSON.parse(stale.fresh), '1.2')).toMatchObject({ explanation: 'Sửa ngoài ứng dụng' });
    // Put it back as it was for the next steps (triggers on: the revision moves).
    await t.database.db.execute(
      sql`update assessment_items set explanation = 'Giải trình chỉ số 1.2' where assessment_id = ${ids.assessments.C1} and code = '1.2'`,
    );
    const back = await both(rep);
    expect(back.cached).toBe(back.fresh);
  });

  it('an item saved: the revision moves and the next load shows the new value', async () => {
    const rep = await t.as('rep_c1');
    const before = await formRev();
    const version = itemOf((await both(rep)).json, '2.2') as unknown as { version: number };
    const res = await rep.put(`${form()}/items/2.2`, {
      inputs: { value: 4 },
      explanation: 'Đã sửa',
      version: version.version,
    });
    expect(res.statusCode).toBe(200);
    expect(await formRev()).toBeGreaterThan(before);
    const after = await both(rep);
    expect(after.cached).toBe(after.fresh);
    expect(itemOf(after.json, '2.2')).toMatchObject({ inputs: { value: 4 }, explanation: 'Đã sửa' });
  });

  it('a figure supplied by a data source: the revision moves (the progress stays fresh) and the item shows it', async () => {
    const rep = await t.as('rep_c1');
    await both(rep);
    const before = await revs();
    await t.database.db.insert(suppliedFigures).values({
      campaignId: ids.campaignId,
      unitId: t.unit('C1'),
      code: '2.1',
      inputs: { a: 36, b: 40 },
      source: 'Hệ thống thông tin giải quyết TTHC tỉnh',
      suppliedAt: new Date('2026-11-09T02:00:00Z'),
    });
    // Only the form's revision: the progress' figures do not depend on supplied values, nor go stale.
    expect(await revs()).toEqual({ form: before.form + 1, progress: before.progress });
    const after = await both(rep);
    expect(after.cached).toBe(after.fresh);
    expect(itemOf(after.json, '2.1')).toMatchObject({ supplied: { inputs: { a: 36, b: 40 } } });
  });

  it('the user who last saved is renamed: the items show the new name', async () => {
    const rep = await t.as('rep_c1');
    await both(rep);
    await t.database.db
      .update(users)
      .set({ fullName: 'Nguyễn Thị Báo Cáo', fullNameFolded: 'nguyen thi bao cao' })
      .where(eq(users.id, t.user('rep_c1')));
    const after = await both(rep);
    expect(after.cached).toBe(after.fresh);
    expect(itemOf(after.json, '2.2')).toMatchObject({ updatedBy: { fullName: 'Nguyễn Thị Báo Cáo' } });
  });

  it('another unit reads it: still 404 although this process holds the form', async () => {
    const other = await t.as('rep_c3');
    expect((await other.get(form())).statusCode).toBe(404);
  });

  it('submitted, then the campaign under appraisal: every item locked in the next load', async () => {
    const rep = await t.as('rep_c1');
    await both(rep);
    const lead = await t.as('lead_c1');
    const submitted = await lead.post(`${form()}/submit`);
    expect(submitted.statusCode).toBe(200);
    const afterSubmit = await both(rep);
    expect(afterSubmit.cached).toBe(afterSubmit.fresh);
    expect(afterSubmit.json.items.every((i: { locked: boolean }) => i.locked)).toBe(true);
    await t.database.db.update(campaigns).set({ status: 'under_appraisal' }).where(eq(campaigns.id, ids.campaignId));
    const afterClose = await both(rep);
    expect(afterClose.cached).toBe(afterClose.fresh);
    expect(afterClose.json.campaign.status).toBe('under_appraisal');
    expect(afterClose.json.appraisal).not.toBeNull();
  });
});
