// Figure (issue 14 §6, decision 0014): the DX office's progress page over 4,000 units × 100 items — what
// GET /campaigns/{id}/progress reads: refresh the stale stored progress (src/core's complete items and self
// total), then one statement. Reported: warm (nothing changed), after 1 % of the units saved one item, and
// the first read after the migration (every form computed once: the backfill). Baseline, same run: the
// statement the page ran before (items counted and self scores summed in SQL over assessment_items).
// Run: npx tsx bench/progress-page.bench.ts   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL)
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { FrameworkDefinition, FrameworkNode } from '../src/core/framework/index.ts';
import type { Db } from '../src/db/client.ts';
import { campaignProgress } from '../src/app/assessments/progress-lists.ts';
import { benchDbKinds, openBenchDatabase } from './lib/bench-db.ts';
import { openBenchCampaign, seedProvince } from './lib/campaign-bench.ts';
import { report, timeRuns } from './lib/stats.ts';

const UNITS = Number(process.env.BENCH_UNITS ?? 4000);
const RUNS = 10;

const nodes: FrameworkNode[] = Array.from({ length: 10 }, (_, g) => ({
  code: `${g + 1}`,
  title: `Nhóm ${g + 1}`,
  maxPoints: 100,
  children: Array.from({ length: 10 }, (_, i) => ({
    code: `${g + 1}.${i + 1}`,
    title: `Chỉ số ${g + 1}.${i + 1}`,
    maxPoints: 10,
    method: { kind: 'manual' as const, step: 0.01 },
  })),
}));
const SET_100: FrameworkDefinition = {
  code: 'do-tai-tien-do',
  name: 'Bộ chỉ số đo tải tiến độ (100 chỉ số)',
  decision: { number: 'Đo tải', issuer: 'Thước Đo' },
  appliesTo: { unitTypes: ['commune'] },
  illustrative: true,
  nodes,
};
const CODES = nodes.flatMap((n) => n.children!.map((c) => c.code));

/** Every unit × item answered (score in inputs and self score), every tenth item without an explanation. */
async function fillItems(db: Db, assessments: { id: string }[]): Promise<void> {
  const CHUNK = 250;
  for (let start = 0; start < assessments.length; start += CHUNK) {
    const ids = assessments.slice(start, start + CHUNK).map((a) => a.id);
    await db.execute(sql`insert into assessment_items (assessment_id, code, inputs, self_score, explanation, version)
      select a, c, jsonb_build_object('score', 7.5), 7.5, case when right(c, 2) = '10' then '' else 'Theo báo cáo' end, 1
      from unnest(${`{${ids.join(',')}}`}::uuid[]) as a cross join unnest(${`{${CODES.join(',')}}`}::text[]) as c`);
  }
  await db.execute(sql`analyze`);
}

/** The page's statement before decision 0014 (items counted and self scores summed in SQL). */
async function before(db: Db, campaignId: string): Promise<number> {
  const r = await db.execute(sql`
    with mine as (select id from assessments where campaign_id = ${campaignId}),
    items as (
      select i.assessment_id, count(*)::int as filled, sum(i.self_score) as self_total
      from assessment_items i join mine on mine.id = i.assessment_id
      where i.self_score is not null or i.inputs <> '{}'::jsonb
      group by i.assessment_id),
    ev as (
      select e.assessment_id, count(distinct e.evidence_id)::int as evidence_count
      from item_evidence e join mine on mine.id = e.assessment_id group by e.assessment_id)
    select assessments.id, assessments.status, u.code, u.name, p.name as parent_name, f.leaf_count,
      items.filled, items.self_total, ev.evidence_count
    from assessments
    join campaigns on campaigns.id = assessments.campaign_id
    join campaign_groups g on g.id = assessments.campaign_group_id
    join frameworks f on f.id = g.framework_id
    join org_units u on u.id = assessments.unit_id
    left join org_units p on p.id = u.parent_id
    left join items on items.assessment_id = assessments.id
    left join ev on ev.assessment_id = assessments.id
    where assessments.campaign_id = ${campaignId}`);
  return ((r as { rows?: unknown[] }).rows ?? (r as unknown[])).length;
}

for (const kind of benchDbKinds()) {
  const database = await openBenchDatabase(kind);
  const db = database.db;
  await seedProvince(database, UNITS);
  const campaign = await openBenchCampaign(database, SET_100, 'Đo tải tiến độ');
  await fillItems(db, campaign.assessments);
  const id = campaign.campaignId;
  let sink = 0;

  // The first read after the migration: no stored progress yet, every form is computed once.
  const t0 = performance.now();
  const first = await campaignProgress(db, id, {});
  const firstMs = performance.now() - t0;
  if (first.length !== UNITS || first[0]!.itemsDone !== 90 || first[0]!.selfTotal !== 750)
    throw new Error(`unexpected first row ${JSON.stringify(first[0])}`);

  const base = await timeRuns(RUNS, async () => (sink += await before(db, id)));
  const warm = await timeRuns(RUNS, async () => (sink += (await campaignProgress(db, id, {})).length));
  let round = 0;
  const changed = await timeRuns(RUNS, async () => {
    round++;
    const some = campaign.assessments.filter((_, i) => i % 100 === round % 100).map((a) => a.id);
    await db.execute(sql`update assessment_items set self_score = 7.25, version = version + 1
      where code = '1.1' and assessment_id = any(${`{${some.join(',')}}`}::uuid[])`);
    sink += (await campaignProgress(db, id, {})).length;
  });
  const common = {
    db: kind,
    baselineName: 'the statement before (SQL count + sum over items)',
    baselineMeanMs: base.meanMs,
  };
  report({
    name: `progress page, ${UNITS} units × 100 items, warm`,
    meanMs: warm.meanMs,
    p95Ms: warm.p95Ms,
    ...common,
  });
  report({
    name: `progress page, after 1 % of the units saved an item`,
    meanMs: changed.meanMs,
    p95Ms: changed.p95Ms,
    ...common,
    note: 'includes the item update itself',
  });
  report({ name: 'progress page, first read (backfill of every form)', meanMs: firstMs, p95Ms: firstMs, ...common });
  if (sink < 0) console.log(sink);
  await database.close();
}
