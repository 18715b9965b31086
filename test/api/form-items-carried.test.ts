// A save made by this process carries the form's presented items over to the revision it committed
// (docs/decisions/0029): the next load is served from memory, and shows what a load from the database
// shows. Each step compares the app (cache on) with a second app on the same database with the cache off.
// The items' inputs are compared as values: jsonb keeps an object's keys in an order of its own, a carried
// item keeps the order they were saved in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { App } from '../../src/server/http/route-types.ts';
import { type CampaignIds, createOpenCampaign } from '../support/campaign-fixture.ts';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';
import { buildUncachedApp } from '../support/uncached-app.ts';

const now: Date = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let uncached: App;
let ids: CampaignIds;
const form = () => `/api/v1/assessments/${ids.assessments.C3}`;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  ids = await createOpenCampaign(t);
  uncached = await buildUncachedApp(t, () => now);
});
afterAll(async () => {
  await uncached.close();
  await t.close();
});

type Item = { code: string; version: number; explanation: string };
type Form = { items: Item[] };

/** The form as the app with the cache answers it, and as the app without. */
async function both(c: Client) {
  const cached = await c.get(form());
  const fresh = await uncached.inject({ method: 'GET', url: form(), headers: { cookie: c.cookie } });
  expect(cached.statusCode).toBe(200);
  expect(fresh.statusCode).toBe(200);
  return { cached: cached.json() as Form, fresh: fresh.json() as Form };
}

const itemOf = (json: Form, code: string) => json.items.find((i) => i.code === code)!;

/** An item's explanation changed with the triggers off: the revision does not move, so only a load from the
 * database sees it — a load that does not was served from memory. */
async function changeUnseen(code: string, explanation: string) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(
      sql`update assessment_items set explanation = ${explanation} where assessment_id = ${ids.assessments.C3} and code = ${code}`,
    );
  });
}

/** The same change with the triggers on (the revision moves): what every load shows again. */
async function changeSeen(code: string, explanation: string) {
  await t.database.db.execute(
    sql`update assessment_items set explanation = ${explanation} where assessment_id = ${ids.assessments.C3} and code = ${code}`,
  );
}

async function save(c: Client, code: string, body: Record<string, unknown>) {
  const version = itemOf((await c.get(form())).json() as Form, code).version;
  const res = await c.put(`${form()}/items/${code}`, { ...body, version });
  expect(res.statusCode).toBe(200);
  return res.json() as Item;
}

describe('the form carried over a save of this process', () => {
  it('the first save of an item and then another: each next load is served from memory, as the database shows it', async () => {
    const rep = await t.as('rep_c3');
    await save(rep, '1.1', { inputs: {}, selfScore: 5, explanation: 'Lần đầu' });
    await both(rep);
    await both(rep); // kept from the second load at one revision
    await save(rep, '1.2', { inputs: { yes: true }, explanation: 'Có văn bản' });
    await save(rep, '1.1', { inputs: {}, selfScore: 7.5, explanation: 'Sửa lại' });
    const after = await both(rep);
    expect(after.cached).toEqual(after.fresh);
    expect(itemOf(after.cached, '1.1')).toMatchObject({ explanation: 'Sửa lại', selfScore: 7.5, version: 2 });
    expect(itemOf(after.cached, '1.2')).toMatchObject({ explanation: 'Có văn bản', version: 1 });

    await changeUnseen('1.2', 'Sửa ngoài ứng dụng');
    const unseen = await both(rep);
    expect(itemOf(unseen.cached, '1.2').explanation).toBe('Có văn bản');
    expect(itemOf(unseen.fresh, '1.2').explanation).toBe('Sửa ngoài ứng dụng');
    await changeSeen('1.2', 'Có văn bản');
    const back = await both(rep);
    expect(back.cached).toEqual(back.fresh);
  });

  it('the progress, the self-score total and every item follow the saves', async () => {
    const rep = await t.as('rep_c3');
    await both(rep);
    await both(rep);
    await save(rep, '2.1', { inputs: { b: 40, a: 30 }, explanation: 'Tỉ lệ hồ sơ trực tuyến' });
    await save(rep, '2.2', { inputs: { value: 3 }, explanation: '' });
    const after = await both(rep);
    expect(after.cached).toEqual(after.fresh);
    expect(itemOf(after.cached, '2.1')).toMatchObject({ inputs: { a: 30, b: 40 }, version: 1 });
  });

  it('a save made elsewhere in between: not carried over, the next load reads the database', async () => {
    const rep = await t.as('rep_c3');
    await both(rep);
    await both(rep);
    await changeSeen('1.1', 'Sửa ở nơi khác'); // the revision moves under the items held
    await save(rep, '1.2', { inputs: { yes: false }, explanation: 'Chưa có' });
    const after = await both(rep);
    expect(after.cached).toEqual(after.fresh);
    expect(itemOf(after.cached, '1.1').explanation).toBe('Sửa ở nơi khác');
  });

  it('a save that replaces its evidence links: the items held are dropped, the next load reads the database', async () => {
    const rep = await t.as('rep_c3');
    await both(rep);
    await both(rep);
    await save(rep, '1.2', { inputs: { yes: true }, explanation: 'Có', evidenceIds: [] });
    await changeUnseen('1.1', 'Không qua trình kích hoạt');
    const after = await both(rep);
    expect(itemOf(after.cached, '1.1').explanation).toBe('Không qua trình kích hoạt');
    expect(after.cached).toEqual(after.fresh);
    await changeSeen('1.1', 'Sửa lại');
  });

  it('two items saved at once: the next load shows both', async () => {
    const rep = await t.as('rep_c3');
    await both(rep);
    await both(rep);
    const form0 = (await rep.get(form())).json() as Form;
    const [a, b] = await Promise.all(
      (['1.1', '2.2'] as const).map((code, i) =>
        rep.put(`${form()}/items/${code}`, {
          ...(i === 0 ? { inputs: {}, selfScore: 10 } : { inputs: { value: 5 } }),
          explanation: `Cùng lúc ${code}`,
          version: itemOf(form0, code).version,
        }),
      ),
    );
    expect([a!.statusCode, b!.statusCode]).toEqual([200, 200]);
    const after = await both(rep);
    expect(after.cached).toEqual(after.fresh);
    expect(itemOf(after.cached, '2.2').explanation).toBe('Cùng lúc 2.2');
  });

  it('a save of a form this process has not loaded: nothing held, the loads after it read the database', async () => {
    const rep = await t.as('rep_c3');
    await changeSeen('1.1', 'Trước'); // this process has not seen the form at the revision this moves to
    const before = (
      await uncached.inject({ method: 'GET', url: form(), headers: { cookie: rep.cookie } })
    ).json() as Form;
    const res = await rep.put(`${form()}/items/1.2`, {
      inputs: { yes: true },
      explanation: 'Không tải trước',
      version: itemOf(before, '1.2').version,
    });
    expect(res.statusCode).toBe(200);
    const first = await both(rep);
    expect(first.cached).toEqual(first.fresh);
    expect(itemOf(first.cached, '1.2').explanation).toBe('Không tải trước');
    const second = await both(rep);
    expect(second.cached).toEqual(second.fresh);
  });
});
