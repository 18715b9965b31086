// latestSuppliedValues: the latest supplied value of each input per (unit, item), where figures may carry
// some inputs only and two figures of one batch share their time (id breaks the tie). Checked against the
// expected values and against the whole-history DISTINCT ON per input it replaced, on both databases.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { latestSuppliedValues } from '../../src/db/queries/figures.ts';
import { uuidArray } from '../../src/db/queries/sql-arrays.ts';
import { suppliedFigures } from '../../src/db/schema/supply.ts';
import { type CampaignIds, createOpenCampaign } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
let ids: CampaignIds;

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-01T03:00:00Z') });
  ids = await createOpenCampaign(t);
});
afterAll(() => t.close());

/** The statement latestSuppliedValues replaced: every input of every row, DISTINCT ON per input. */
async function perInput(campaignId: string, unitIds: string[]) {
  const out = new Map<string, Record<string, unknown>>();
  const rows = rowsOf<{ unit_id: string; code: string; key: string; value: unknown }>(
    await t.database.db.execute(sql`select distinct on (s.unit_id, s.code, e.key) s.unit_id, s.code, e.key, e.value
      from supplied_figures s cross join lateral jsonb_each(s.inputs) e
      where s.campaign_id = ${campaignId} and s.unit_id = any(${uuidArray(unitIds)})
      order by s.unit_id, s.code, e.key, s.supplied_at desc, s.id desc`),
  );
  for (const r of rows) out.set(`${r.unit_id} ${r.code}`, { ...out.get(`${r.unit_id} ${r.code}`), [r.key]: r.value });
  return out;
}

const sorted = (m: Map<string, Record<string, unknown>>) =>
  Object.fromEntries([...m].map(([k, v]) => [k, Object.fromEntries(Object.entries(v).sort())]));

describe('latest supplied values', () => {
  it('per input: a partial newer figure keeps older inputs, a tie at the same time goes to the larger id', async () => {
    const [c1, c2] = [t.unit('C1'), t.unit('C2')];
    const at = (day: number) => new Date(Date.UTC(2026, 9, day));
    const row = (unitId: string, code: string, inputs: Record<string, unknown>, day: number, id: string) => ({
      id,
      campaignId: ids.campaignId,
      unitId,
      code,
      inputs: inputs as Record<string, number>,
      source: 'S',
      suppliedAt: at(day),
    });
    await t.database.db.insert(suppliedFigures).values([
      row(c1, '2.1', { a: 1, b: 2 }, 1, '00000000-0000-4000-8000-000000000001'),
      row(c1, '2.1', { a: 3 }, 2, '00000000-0000-4000-8000-000000000002'),
      row(c1, '2.1', { c: null }, 3, '00000000-0000-4000-8000-000000000003'),
      // Same time: the larger id is the later one.
      row(c2, '1.2', { yes: false }, 5, '00000000-0000-4000-8000-0000000000ff'),
      row(c2, '1.2', { yes: true }, 5, '00000000-0000-4000-8000-000000000010'),
      row(c2, '2.1', { a: 9 }, 1, '00000000-0000-4000-8000-000000000020'),
    ]);
    const got = await latestSuppliedValues(t.database.db, ids.campaignId, [c1, c2, c1]);
    expect(sorted(got)).toEqual({
      [`${c1} 2.1`]: { a: 3, b: 2, c: null },
      [`${c2} 1.2`]: { yes: false },
      [`${c2} 2.1`]: { a: 9 },
    });
    expect(sorted(got)).toEqual(sorted(await perInput(ids.campaignId, [c1, c2])));
    expect((await latestSuppliedValues(t.database.db, ids.campaignId, [t.unit('C3')])).size).toBe(0);
  });
});
