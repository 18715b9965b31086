// The packed score sheets (migrations 0006 and 0010, docs/decisions/0004 and 0010) against their source
// rows; their slot order is the engine's leaf order, written from src/core by the first read. After every
// kind of write — one row, many rows, deletions, a replacement indicator,
// a code outside the set, a group moved to another set, concurrent transactions on one assessment —
// each sheet must hold exactly the scores of its rows, and the results computed from the sheets must
// equal the results of the per-item path.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_SCORE_H, compileDefinition, sheetLeafCodes } from '../../src/core/results/index.ts';
import type { Db } from '../../src/db/client.ts';
import { MIGRATIONS_DIR } from '../../src/db/migrate.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { refreshScoreSheets } from '../../src/db/queries/campaign-score-sheets.ts';
import { loadDefinition } from '../../src/db/queries/framework-definitions.ts';
import { computeCampaignResults } from '../../src/app/publication/campaign-results.ts';
import { type AppraisalIds, acceptEverything, appraisalCampaign } from '../support/appraisal-fixture.ts';
import { SYSTEM_CLOCK_DEADLINE } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';
import { testDbKind } from '../support/test-db-config.ts';

let t: TestApp;
let ids: AppraisalIds;
let db: Db;

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  ids = await appraisalCampaign(t, { deadline: SYSTEM_CLOCK_DEADLINE });
  await acceptEverything(t, ids);
}, 120_000);

afterAll(async () => {
  await t.close();
});

type Slot = { id: string; code: string; self: number | null; final: number | null; na: boolean; reviewed: boolean };

/** Every sheet decoded, and the same slots read from the rows; they must be equal. */
async function sheetsAndRows(): Promise<{ fromSheets: Slot[]; fromRows: Slot[]; irregular: Record<string, boolean> }> {
  await refreshScoreSheets(db, ids.campaignId);
  const sheets = rowsOf<{
    assessment_id: string;
    leaf_count: number;
    data: Uint8Array;
    irregular: boolean;
    codes: string[];
  }>(
    await db.execute(sql`select s.assessment_id, s.leaf_count, s.data, s.irregular,
        (select array_agg(l.code order by l.position) from framework_leaves l where l.framework_id = s.framework_id) as codes
      from assessment_score_sheets s order by s.assessment_id`),
  );
  const fromSheets: Slot[] = [];
  const irregular: Record<string, boolean> = {};
  for (const s of sheets) {
    irregular[s.assessment_id] = s.irregular;
    const n = s.leaf_count;
    expect(s.data.byteLength).toBe(9 * n);
    const view = new DataView(s.data.buffer, s.data.byteOffset, s.data.byteLength);
    const codes = typeof s.codes === 'string' ? (s.codes as string).slice(1, -1).split(',') : s.codes;
    for (let j = 0; j < n; j++) {
      const f = view.getInt32(j * 4);
      const v = view.getInt32((n + j) * 4);
      const flags = s.data[8 * n + j]!;
      fromSheets.push({
        id: s.assessment_id,
        code: codes[j]!,
        final: f === NO_SCORE_H ? null : f / 100,
        self: v === NO_SCORE_H ? null : v / 100,
        na: (flags & 1) === 1,
        reviewed: (flags & 2) === 2,
      });
    }
  }
  const rows = rowsOf<{
    id: string;
    code: string;
    self_score: number | null;
    final_score: number | null;
    not_applicable: boolean | null;
    reviewed: boolean;
  }>(
    await db.execute(sql`select a.id, l.code, i.self_score, r.final_score, r.not_applicable, r.code is not null as reviewed
      from assessments a join campaign_groups g on g.id = a.campaign_group_id join framework_leaves l on l.framework_id = g.framework_id
      left join assessment_items i on i.assessment_id = a.id and i.code = l.code left join item_reviews r on r.assessment_id = a.id and r.code = l.code
      order by a.id, l.position`),
  );
  const fromRows = rows.map((r) => ({
    id: r.id,
    code: r.code,
    self: r.self_score,
    final: r.final_score,
    na: Boolean(r.not_applicable),
    reviewed: r.reviewed,
  }));
  return { fromSheets, fromRows, irregular };
}

async function expectSheetsMatchRows(): Promise<void> {
  const { fromSheets, fromRows } = await sheetsAndRows();
  expect(fromSheets).toEqual(fromRows);
}

async function campaign() {
  const [row] = rowsOf<{ rules: never }>(
    await db.execute(sql`select rules from campaigns where id = ${ids.campaignId}::uuid`),
  );
  return { id: ids.campaignId, kind: 'annual', rules: row!.rules };
}

/** The results from the sheets equal the per-item path's (forced by marking every sheet irregular). */
async function expectResultsAgree(): Promise<void> {
  const c = await campaign();
  const fast = await computeCampaignResults(db, c);
  await db.execute(sql`update assessment_score_sheets set irregular = true`);
  const reference = await computeCampaignResults(db, c);
  await db.execute(sql`select thuocdo_rebuild_score_sheets(array(select id from assessments))`);
  expect(fast).toEqual(reference);
}

describe('score sheets (packed item scores kept by triggers)', () => {
  it('slots follow the set’s leaves in pre-order, one sheet per assessment, all equal to the rows', async () => {
    const def = (await loadDefinition(db, ids.frameworkId))!;
    const c = compileDefinition(def.definition);
    await refreshScoreSheets(db, ids.campaignId);
    const codes = rowsOf<{ code: string }>(
      await db.execute(
        sql`select code from framework_leaves where framework_id = ${ids.frameworkId}::uuid order by position`,
      ),
    ).map((r) => r.code);
    expect(codes).toEqual(c.leafIndices.map((i) => c.codes[i]));
    const [n] = rowsOf<{ sheets: number; assessments: number }>(
      await db.execute(
        sql`select (select count(*)::int from assessment_score_sheets) as sheets, (select count(*)::int from assessments) as assessments`,
      ),
    );
    expect(n!.sheets).toBe(n!.assessments);
    await expectSheetsMatchRows();
    await expectResultsAgree();
  });

  it('random single-row and many-row writes, deletions, replacements and codes outside the set keep sheets exact', async () => {
    const assessments = Object.values(ids.assessments);
    const def = (await loadDefinition(db, ids.frameworkId))!;
    const codes = [...def.leaves.keys()];
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    const pick = <T>(xs: readonly T[]) => xs[next(xs.length)]!;
    const score = () => (next(5) === 0 ? null : next(1001) / 100);
    for (let round = 0; round < 40; round++) {
      const a = pick(assessments);
      const code = pick(codes);
      const s = score();
      switch (next(9)) {
        case 0: // one self score (the item-save shape: insert if absent, else update)
          await db.execute(sql`insert into assessment_items (assessment_id, code, self_score) values (${a}::uuid, ${code}, ${s})
            on conflict (assessment_id, code) do update set self_score = excluded.self_score`);
          break;
        case 1: // one final score, or an N/A decision
          await db.execute(sql`insert into item_reviews (assessment_id, code, final_score, not_applicable) values (${a}::uuid, ${code}, ${s}, ${next(4) === 0})
            on conflict (assessment_id, code) do update set final_score = excluded.final_score, not_applicable = excluded.not_applicable`);
          break;
        case 2: // many rows in one statement
          await db.execute(
            sql`update item_reviews set final_score = round((coalesce(final_score, 1) / 2)::numeric, 2)::float8 where assessment_id = ${a}::uuid`,
          );
          break;
        case 3:
          await db.execute(sql`update assessment_items set self_score = ${s} where code = ${code}`);
          break;
        case 4: // deletions
          await db.execute(sql`delete from item_reviews where assessment_id = ${a}::uuid and code = ${code}`);
          break;
        case 5:
          await db.execute(sql`delete from assessment_items where assessment_id = ${a}::uuid and code = ${code}`);
          break;
        case 6: // a replacement indicator scored in an N/A item's place, then withdrawn
          await db.execute(sql`insert into item_reviews (assessment_id, code, final_score, not_applicable, replacement_code) values (${a}::uuid, ${code}, 3, true, 'TT.1')
            on conflict (assessment_id, code) do update set not_applicable = true, replacement_code = 'TT.1', final_score = 3`);
          expect((await sheetsAndRows()).irregular[a]).toBe(true);
          await expectResultsAgree(); // that unit alone on the per-item path, the others from sheets
          await db.execute(
            sql`update item_reviews set replacement_code = null, not_applicable = false where assessment_id = ${a}::uuid and code = ${code}`,
          );
          expect((await sheetsAndRows()).irregular[a]).toBe(false);
          break;
        case 7: // a row whose code is not a leaf of the set
          await db.execute(
            sql`insert into assessment_items (assessment_id, code, self_score) values (${a}::uuid, 'khong-co', 1) on conflict do nothing`,
          );
          expect((await sheetsAndRows()).irregular[a]).toBe(true);
          await db.execute(sql`delete from assessment_items where assessment_id = ${a}::uuid and code = 'khong-co'`);
          expect((await sheetsAndRows()).irregular[a]).toBe(false);
          break;
        default: // a transaction writing several ways before it commits
          await db.transaction(async (tx) => {
            await tx.execute(
              sql`update assessment_items set self_score = ${s} where assessment_id = ${a}::uuid and code = ${code}`,
            );
            await tx.execute(
              sql`update item_reviews set final_score = ${s}, not_applicable = false where assessment_id = ${a}::uuid`,
            );
            await tx.execute(
              sql`update item_reviews set not_applicable = true where assessment_id = ${a}::uuid and code = ${pick(codes)}`,
            );
          });
      }
      await expectSheetsMatchRows();
      if (round % 8 === 7) await expectResultsAgree();
    }
    await expectResultsAgree();
  });

  it('a group given another set rebuilds its sheets with that set’s slots, and back', async () => {
    const [copy] = rowsOf<{ id: string }>(
      await db.execute(sql`insert into frameworks (code, version, name, name_folded, status, definition, decision_number, unit_types, total_points, main_indicators, sub_indicators, leaf_count, owner_unit_id)
        select code || '-ban-sao', 1, name, name_folded, 'published',
          jsonb_set(definition, '{nodes}', (definition -> 'nodes') || '[{"code": "9", "title": "Thêm", "maxPoints": 5, "method": {"kind": "yesno"}}]'::jsonb),
          decision_number, unit_types, total_points + 5, main_indicators + 1, sub_indicators, leaf_count + 1, owner_unit_id
        from frameworks where id = ${ids.frameworkId}::uuid returning id`),
    );
    const before = (await sheetsAndRows()).fromSheets.length;
    await db.execute(sql`update campaign_groups set framework_id = ${copy!.id}::uuid where id = ${ids.groupId}::uuid`);
    const moved = await sheetsAndRows();
    expect(moved.fromSheets.length).toBe(before + Object.keys(ids.assessments).length);
    expect(moved.fromSheets).toEqual(moved.fromRows);
    await db.execute(
      sql`update campaign_groups set framework_id = ${ids.frameworkId}::uuid where id = ${ids.groupId}::uuid`,
    );
    await expectSheetsMatchRows();
    await expectResultsAgree();
  });

  it('writers only mark what they touched: one mark per assessment however many saves, folded in by a read', async () => {
    const a = ids.assessments.C1!;
    const marks = async () =>
      rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from score_sheet_changes where assessment_id = ${a}::uuid`),
      )[0]!.n;
    await refreshScoreSheets(db, ids.campaignId);
    expect(await marks()).toBe(0);
    for (let n = 0; n < 10; n++) {
      await db.execute(
        sql`insert into assessment_items (assessment_id, code, self_score) values (${a}::uuid, '1.1', ${n}) on conflict (assessment_id, code) do update set self_score = excluded.self_score`,
      );
    }
    expect(await marks()).toBe(1);
    expect(await refreshScoreSheets(db, ids.campaignId)).toBe(1);
    expect(await marks()).toBe(0);
    await expectSheetsMatchRows();
  });

  it('a score that is not a whole number of hundredths sends its unit to the per-item path, exactly', async () => {
    const a = ids.assessments.C3!;
    await db.execute(
      sql`update assessment_items set self_score = 0.1::float8 + 0.2::float8 where assessment_id = ${a}::uuid and code = '1.1'`,
    );
    const { irregular } = await sheetsAndRows();
    expect(irregular[a]).toBe(true);
    const results = await computeCampaignResults(db, await campaign());
    const unit = results.groups[0]!.units.find((u) => u.assessmentId === a)!;
    expect(unit.items.find((i) => i.code === '1.1')!.self).toBe(0.1 + 0.2);
    await db.execute(
      sql`update assessment_items set self_score = 0.3 where assessment_id = ${a}::uuid and code = '1.1'`,
    );
    expect((await sheetsAndRows()).irregular[a]).toBe(false);
    await expectResultsAgree();
  });

  it('an existing database (leaf lists dropped by 0010, sheets absent) is rebuilt from its rows by the next read', async () => {
    // 0006 built the sheets of an upgraded install; 0010 drops the leaf lists its SQL walk wrote. The next
    // read writes them from src/core (sheetLeafCodes), marks the sheets and rebuilds them.
    const file = fs.readFileSync(path.join(MIGRATIONS_DIR, '0010_sheet_leaves_from_core.sql'), 'utf8');
    expect(file).toMatch(/DROP FUNCTION IF EXISTS thuocdo_leaves_of[\s\S]*DELETE FROM framework_leaves;\s*$/);
    await db.execute(sql`delete from assessment_score_sheets`);
    await db.execute(sql`delete from framework_leaves`);
    await expectSheetsMatchRows();
    await expectResultsAgree();
  });

  it('a changed draft definition drops its leaf list; the next read writes it again from src/core', async () => {
    await db.execute(
      sql`update frameworks set definition = jsonb_set(definition, '{name}', to_jsonb((definition ->> 'name') || ' ')) where id = ${ids.frameworkId}::uuid`,
    );
    expect(
      rowsOf<{ n: number }>(
        await db.execute(
          sql`select count(*)::int as n from framework_leaves where framework_id = ${ids.frameworkId}::uuid`,
        ),
      )[0]!.n,
    ).toBe(0);
    await expectSheetsMatchRows();
    const def = (await loadDefinition(db, ids.frameworkId))!;
    const codes = rowsOf<{ code: string }>(
      await db.execute(
        sql`select code from framework_leaves where framework_id = ${ids.frameworkId}::uuid order by position`,
      ),
    ).map((r) => r.code);
    expect(codes).toEqual(sheetLeafCodes(def.definition));
    await expectResultsAgree();
  });

  it('a new assessment starts with an empty sheet of the set’s slots', async () => {
    const [row] = rowsOf<{ data: Uint8Array; leaf_count: number }>(
      await db.execute(
        sql`select s.data, s.leaf_count from assessment_score_sheets s where s.assessment_id = ${ids.assessments.C2!}::uuid`,
      ),
    );
    expect(row!.leaf_count).toBe(7);
    await expectSheetsMatchRows();
  });

  // PGlite has one connection: nothing runs concurrently there.
  it.skipIf(testDbKind() !== 'postgres')(
    'concurrent transactions on one assessment never lose each other’s change (PostgreSQL)',
    async () => {
      const a = ids.assessments.C3!;
      const def = (await loadDefinition(db, ids.frameworkId))!;
      const codes = [...def.leaves.keys()];
      const writes = Array.from({ length: 48 }, (_, n) =>
        db.transaction(async (tx) => {
          const code = codes[n % codes.length]!;
          // Many rows: locked in code order first, as a bulk writer must (two unordered multi-row UPDATEs of
          // the same rows can deadlock in PostgreSQL whatever the triggers do).
          if (n % 6 === 5) {
            await tx.execute(sql`update item_reviews set final_score = ${n / 10} where (assessment_id, code) in
            (select assessment_id, code from item_reviews where assessment_id = ${a}::uuid order by code for update)`);
          } else if (n % 2 === 0)
            await tx.execute(
              sql`update assessment_items set self_score = ${n / 10} where assessment_id = ${a}::uuid and code = ${code}`,
            );
          else
            await tx.execute(
              sql`update item_reviews set final_score = ${n / 10}, not_applicable = ${n % 4 === 1} where assessment_id = ${a}::uuid and code = ${code}`,
            );
          await tx.execute(sql`select pg_sleep(0.005)`);
        }),
      );
      // Readers folding the marks in while the writers write: a change committed after a reader's rebuild
      // must stay marked (the SKIP LOCKED rule of thuocdo_mark_score_sheets), never be lost.
      const readers = Array.from({ length: 12 }, async (_, n) => {
        await new Promise((r) => setTimeout(r, n * 4));
        await refreshScoreSheets(db, ids.campaignId);
      });
      const failed = (await Promise.allSettled([...writes, ...readers])).filter((r) => r.status === 'rejected');
      expect(
        failed.map((r) =>
          String((r as PromiseRejectedResult).reason?.cause?.detail ?? (r as PromiseRejectedResult).reason),
        ),
      ).toEqual([]);
      await expectSheetsMatchRows();
      await expectResultsAgree();
    },
  );
});
