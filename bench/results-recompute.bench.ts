// Figure (results issue): the full recompute and ranking of a national-scale campaign — 4,000 units ×
// 100 items of final scores in one campaign group on a 100-item index set — through
// computeCampaignRanking (fold in the changed score sheets, load them, results engine for every unit,
// bands, ranking: what GET /campaigns/{id}/results runs) against the bare SQL aggregate on the same
// tables in the same run:
// `select unit, sum(final_score), rank() over (order by sum(final_score) desc) … group by unit`.
// Target: ≤ 1.5 × the bare aggregate, on PGlite and (BENCH_DATABASE_URL) PostgreSQL.
// Data are deterministic (LCG) and inserted in bulk with unnest arrays; 2 % of items N/A, 4 % of units
// late (penalty), 1 % never submitted, so every branch of the engine runs. Also reported, not a target:
// the same with every unit's 100 item rows built (what the snapshot and the exports take), and the
// recompute right after 1 % of the units had one item re-appraised (their sheets rebuilt first).
// Run: npx tsx bench/results-recompute.bench.ts [runs]   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL)
import { sql } from 'drizzle-orm';
import type { FrameworkDefinition, FrameworkNode } from '../src/core/framework/index.ts';
import { DEFAULT_BANDS } from '../src/core/campaign/index.ts';
import type { Db } from '../src/db/client.ts';
import { rowsOf } from '../src/db/queries/assessments.ts';
import { computeCampaignRanking, computeCampaignResults } from '../src/app/publication/campaign-results.ts';
import { benchDbKinds, openBenchDatabase } from './lib/bench-db.ts';
import { openBenchCampaign, seedProvince } from './lib/campaign-bench.ts';
import { report, timeRuns } from './lib/stats.ts';

const UNITS = Number(process.env.BENCH_UNITS ?? 4000);
const runs = Number(process.argv[2] ?? 5);
const GROUPS = 10;
const ITEMS = 10;

const nodes: FrameworkNode[] = Array.from({ length: GROUPS }, (_, g) => ({
  code: String(g + 1),
  title: `Chỉ số chính ${g + 1}`,
  maxPoints: 100,
  children: Array.from({ length: ITEMS }, (_, i) => ({
    code: `${g + 1}.${i + 1}`,
    title: `Chỉ số ${g + 1}.${i + 1}`,
    maxPoints: 10,
    method: { kind: 'manual' as const, step: 0.01 },
  })),
}));
const SET_100: FrameworkDefinition = {
  code: 'do-tai-ket-qua',
  name: 'Bộ chỉ số đo tải kết quả (100 chỉ số)',
  decision: { number: 'Đo tải', issuer: 'Thước Đo' },
  appliesTo: { unitTypes: ['commune'] },
  illustrative: true,
  nodes,
};
const CODES = nodes.flatMap((n) => n.children!.map((c) => c.code));

/** Final and self scores of every unit × item, and the units' timing, inserted with unnest arrays. */
async function fillScores(db: Db, assessments: { id: string }[]): Promise<void> {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const CHUNK = 250;
  for (let start = 0; start < assessments.length; start += CHUNK) {
    const ids: string[] = [];
    const codes: string[] = [];
    const finals: (number | null)[] = [];
    const selfs: number[] = [];
    const na: boolean[] = [];
    for (const a of assessments.slice(start, start + CHUNK)) {
      for (const code of CODES) {
        const final = (next() % 1001) / 100;
        const notApplicable = next() % 50 === 0;
        ids.push(a.id);
        codes.push(code);
        finals.push(notApplicable ? null : final);
        selfs.push(Math.min(1000, Math.round(final * 100) + 100) / 100); // 2 decimals, as the app stores scores
        na.push(notApplicable);
      }
    }
    const arr = (xs: unknown[]) => `{${xs.map((x) => (x === null ? 'NULL' : String(x))).join(',')}}`;
    await db.execute(sql`insert into assessment_items (assessment_id, code, self_score, explanation, version)
      select a, c, s, 'Theo báo cáo của đơn vị', 1 from unnest(${arr(ids)}::uuid[], ${arr(codes)}::text[], ${arr(selfs)}::float8[]) as t(a, c, s)`);
    await db.execute(sql`insert into item_reviews (assessment_id, code, final_score, not_applicable, version)
      select a, c, f, n, 1 from unnest(${arr(ids)}::uuid[], ${arr(codes)}::text[], ${arr(finals)}::float8[], ${arr(na)}::boolean[]) as t(a, c, f, n)`);
  }
  // Timing: 1 % never submitted, 4 % late within the tolerance (penalty 100), the rest on time.
  const all = assessments.map((a) => a.id);
  const pick = (from: number, to: number) => `{${all.filter((_, i) => i % 100 >= from && i % 100 < to).join(',')}}`;
  await db.execute(
    sql`update assessments set status = 'submitted', submitted_at = now(), days_late = 0 where id = any(${pick(1, 100)}::uuid[])`,
  );
  await db.execute(
    sql`update assessments set days_late = 2, penalty_points = 100 where id = any(${pick(1, 5)}::uuid[])`,
  );
  await db.execute(sql`analyze`);
}

for (const kind of benchDbKinds()) {
  const database = await openBenchDatabase(kind);
  const db = database.db;
  await seedProvince(database, UNITS);
  const campaign = await openBenchCampaign(database, SET_100, 'Đo tải kết quả');
  await fillScores(db, campaign.assessments);
  const [row] = rowsOf<{ rules: never }>(
    await db.execute(sql`select rules from campaigns where id = ${campaign.campaignId}::uuid`),
  );
  const target = {
    id: campaign.campaignId,
    kind: 'annual',
    rules: { ...(row!.rules as object), bands: DEFAULT_BANDS } as never,
  };
  await db.execute(
    sql`update campaigns set rules = ${JSON.stringify(target.rules)}::jsonb where id = ${campaign.campaignId}::uuid`,
  );

  let sink = 0;
  const full = async () => {
    const r = await computeCampaignRanking(db, target);
    sink += r.groups[0]!.units.length;
  };
  const withItems = async () => {
    const r = await computeCampaignResults(db, target);
    sink += r.groups[0]!.units[0]!.items.length;
  };
  // 40 units (1 %) have one item re-appraised, then the recompute: their sheets are rebuilt first.
  let round = 0;
  const afterChanges = async () => {
    round++;
    const some = campaign.assessments.filter((_, i) => i % 100 === round % 100).map((a) => a.id);
    await db.execute(
      sql`update item_reviews set final_score = ${(round % 10) + 0.25} where code = '1.1' and assessment_id = any(${`{${some.join(',')}}`}::uuid[])`,
    );
    await full();
  };
  const bare = async () => {
    const rows = rowsOf<{ unit_id: string; total: number; rank: number }>(
      await db.execute(sql`select a.unit_id, sum(r.final_score) as total, rank() over (order by sum(r.final_score) desc) as rank
        from item_reviews r join assessments a on a.id = r.assessment_id where a.campaign_id = ${campaign.campaignId}::uuid group by a.unit_id`),
    );
    sink += rows.length;
  };
  // Warm-up (JIT, plan caches, definition cache, first fold of the sheets), then all measured in the
  // same run, interleaved.
  for (let i = 0; i < 3; i++) {
    await full();
    await bare();
  }
  const a: number[] = [];
  const b: number[] = [];
  const w: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(...(await timeRuns(1, full)).samples);
    b.push(...(await timeRuns(1, bare)).samples);
    w.push(...(await timeRuns(1, withItems)).samples);
    c.push(...(await timeRuns(1, afterChanges)).samples);
  }
  const stats = (xs: number[]) => ({
    meanMs: xs.reduce((s, x) => s + x, 0) / xs.length,
    p95Ms: [...xs].sort((x, y) => x - y)[Math.ceil(xs.length * 0.95) - 1]!,
  });
  const sa = stats(a);
  const sb = stats(b);
  const baseline = { baselineName: 'bare SQL sum(final_score) + rank() over 400,000 rows', baselineMeanMs: sb.meanMs };
  report({
    name: `results-recompute-and-rank-${UNITS}x100`,
    db: kind,
    meanMs: sa.meanMs,
    p95Ms: sa.p95Ms,
    ...baseline,
    targetMs: sb.meanMs * 1.5,
  });
  report({ name: `results-recompute-and-rank-${UNITS}x100-with-item-rows`, db: kind, ...stats(w), ...baseline });
  report({ name: `results-recompute-and-rank-${UNITS}x100-after-1pct-changed`, db: kind, ...stats(c), ...baseline });
  if (sink < 0) console.log(sink);
  await database.close();
}
