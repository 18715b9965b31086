// Issue 15 §3: figures another system supplied (or the platform pulled) stand beside the unit's own; when
// they differ, the council's queue and its review of the unit flag the difference, naming each figure with
// both values, the source and the time. Agreeing figures raise nothing; a unit without supplied figures
// raises nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suppliedFigures } from '../../src/db/schema/supply.ts';
import { type AppraisalIds, appraisalCampaign } from '../support/appraisal-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

const SOURCE = 'Cổng Dịch vụ công quốc gia — Chỉ số 766';
let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let ids: AppraisalIds;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  ids = await appraisalCampaign(t);
  now = new Date('2026-11-17T03:00:00Z');
  // Both units typed 2.1 = 30/40 (campaign fixture); the system says 36/40 for C1, 30/40 for C3.
  const suppliedAt = new Date('2026-11-12T02:00:00Z');
  await t.database.db.insert(suppliedFigures).values([
    {
      campaignId: ids.campaignId,
      unitId: t.unit('C1'),
      code: '2.1',
      inputs: { a: 36, b: 40 },
      source: SOURCE,
      suppliedAt,
    },
    {
      campaignId: ids.campaignId,
      unitId: t.unit('C3'),
      code: '2.1',
      inputs: { a: 30, b: 40 },
      source: SOURCE,
      suppliedAt,
    },
  ]);
});
afterAll(() => t.close());

type Row = { code: string; unit: { code: string }; flags: { kind: string }[] };
const differs = { kind: 'differs_from_system', source: SOURCE, suppliedAt: '2026-11-12T02:00:00.000Z' };

describe('the council sees where a unit’s figures differ from the system’s', () => {
  it('the queue flags C1’s item 2.1 (30 typed, 36 supplied) and nothing where they agree', async () => {
    const chair = await t.as('chair');
    const q = (await chair.get(`/api/v1/appraisal/queue?campaignId=${ids.campaignId}&mode=item`)).json();
    const row = (unit: string, code: string) =>
      q.items.find((i: Row) => i.unit.code === unit && i.code === code) as Row;
    expect(row('C1', '2.1').flags).toContainEqual({
      ...differs,
      figures: [{ name: 'a', label: expect.any(String), unit: 30, system: 36 }],
    });
    expect(row('C3', '2.1').flags.map((f) => f.kind)).not.toContain('differs_from_system');
    expect(row('C1', '1.1').flags.map((f) => f.kind)).not.toContain('differs_from_system');
    const only = (
      await chair.get(`/api/v1/appraisal/queue?campaignId=${ids.campaignId}&mode=item&flag=differs_from_system`)
    ).json();
    expect(only.items.map((i: Row) => `${i.unit.code} ${i.code}`)).toEqual(['C1 2.1']);
  });

  it('the review of the unit carries the same flag', async () => {
    const view = (await (await t.as('chair')).get(`/api/v1/assessments/${ids.assessments.C1}/review`)).json();
    const item = view.items.find((i: { code: string }) => i.code === '2.1');
    expect(item.flags).toContainEqual(expect.objectContaining(differs));
  });
});
