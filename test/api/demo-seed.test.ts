// The demo is today's Hà Tĩnh (issue 15 §1): the two-level structure live (14 sở after 1/3/2025, the 69
// commune-level units of Nghị quyết 1665 with their lineage), the former districts and communes kept,
// inactive from 1/7/2025; three campaigns — 2024 on the former structure (districts appraise their
// communes), last year and this year on the current one (the provincial council appraises sở and
// communes); the accounts follow (Sở KH&CN as DX office, reporters of current communes).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { seedDemo } from '../../src/seed/seed-demo.ts';
import { allPublished } from '../../src/app/publication/public-snapshots.ts';
import { configureSnapshotIntegrity } from '../../src/app/publication/snapshot-integrity.ts';
import { unitPage } from '../../src/app/publication/public-unit-page.ts';
import { campaignOfUnit, previousPublished } from '../../src/db/queries/dashboards.ts';
import { loadPublishedSets } from '../../src/app/dashboards/result-set.ts';
import { compareSets, summariseComparison } from '../../src/app/dashboards/year-compare.ts';
import { testKeySecrets } from '../support/key-secrets.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { testAuditWords } from '../support/audit-words.ts';
import { collectIds } from '../../src/core/audit/ids-in-value.ts';
import { namesOfIds } from '../../src/db/queries/audit-value-names.ts';
import { indexSetWordsOf } from '../../src/db/queries/audit-index-set-words.ts';
import { diffRows } from '../../src/web/pages/audit/audit-words.ts';

const NOW = new Date('2026-12-03T03:00:00Z');
let database: Database;
const q = async <T>(text: string) => rowsOf<T>(await database.db.execute(sql.raw(text)));

beforeAll(async () => {
  database = await createTestDatabase();
  configureSnapshotIntegrity({ secrets: testKeySecrets() }); // what buildApp does: public pages verify each snapshot
  expect((await seedDemo(database.db, testKeySecrets(), NOW)).seeded).toBe(true);
}, 240_000);
afterAll(async () => {
  await database?.close();
});

const activeOn = (day: string) =>
  `(active_from is null or active_from <= '${day}') and (active_to is null or active_to >= '${day}')`;

describe("demo seed: today's Hà Tĩnh", () => {
  it('has the two-level structure live and the former one inactive from 1/7/2025', async () => {
    const count = async (where: string) =>
      await q<{ type: string; n: number }>(
        `select type, count(*)::int as n from org_units where ${where} group by type order by type`,
      );
    expect(
      await count(`${activeOn('2026-12-03')} and type in ('province', 'department', 'district', 'commune')`),
    ).toEqual([
      { type: 'commune', n: 69 },
      { type: 'department', n: 14 },
      { type: 'province', n: 1 },
    ]);
    expect(await count(`not (${activeOn('2026-12-03')})`)).toEqual([
      { type: 'commune', n: 216 },
      { type: 'department', n: 6 },
      { type: 'district', n: 13 },
    ]);
    const [dx] = await q<{ name: string }>(
      `select name from org_units where code = 'HT.S.KHCN' and ${activeOn('2026-12-03')}`,
    );
    expect(dx?.name).toBe('Sở Khoa học và Công nghệ');
    const [tttt] = await q<{ active_to: string }>(`select active_to::text from org_units where code = 'HT.S.TTTT'`);
    expect(tttt?.active_to).toBe('2025-02-28');
  });

  it("records each current commune's lineage, effective 1/7/2025", async () => {
    const rows = await q<{
      code: string;
      n: number;
    }>(`select u.code, count(*)::int as n from org_unit_lineage l join org_units u on u.id = l.unit_id
      where u.code like 'HT.X.%' and l.effective_date = '2025-07-01' group by u.code`);
    expect(rows).toHaveLength(69);
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(209); // 212 source rows, 3 names not in the 2023–2024 list
    const camBinh = await q<{
      name: string;
      active_to: string;
    }>(`select p.name, p.active_to::text from org_unit_lineage l join org_units u on u.id = l.unit_id
      join org_units p on p.id = l.predecessor_id where u.code = 'HT.X.CAMBINH' order by p.name`);
    expect(camBinh).toEqual(
      ['Xã Cẩm Bình', 'Xã Cẩm Thành', 'Xã Cẩm Vịnh', 'Xã Thạch Bình'].map((name) => ({
        name,
        active_to: '2025-06-30',
      })),
    );
  });

  it('has 2024 published on the former structure, 2025 published and 2026 open on the current one', async () => {
    const groups = await q<{
      year: number;
      status: string;
      by: string;
      grp: string;
      appraiser: string;
      units: number;
    }>(`
      select c.year, c.status, u.username as by, ug.code as grp, g.appraiser, (select count(*)::int from campaign_units cu where cu.campaign_group_id = g.id) as units
      from campaigns c join campaign_groups g on g.campaign_id = c.id join unit_groups ug on ug.id = g.unit_group_id join users u on u.id = c.created_by
      order by c.year, ug.code`);
    expect(groups).toEqual([
      { year: 2024, status: 'published', by: 'sotttt', grp: 'HT.G.CU.SBN', appraiser: 'council', units: 19 },
      { year: 2024, status: 'published', by: 'sotttt', grp: 'HT.G.CU.XA', appraiser: 'parent_unit', units: 216 },
      { year: 2025, status: 'published', by: 'sokhcn', grp: 'HT.G.SBN', appraiser: 'council', units: 14 },
      { year: 2025, status: 'published', by: 'sokhcn', grp: 'HT.G.XA', appraiser: 'council', units: 69 },
      { year: 2026, status: 'open', by: 'sokhcn', grp: 'HT.G.SBN', appraiser: 'council', units: 14 },
      { year: 2026, status: 'open', by: 'sokhcn', grp: 'HT.G.XA', appraiser: 'council', units: 69 },
    ]);
    // 2024: each district approved its communes' results, the province its sở; 2025: the province alone.
    const approvals = await q<{
      year: number;
      type: string;
      n: number;
    }>(`select c.year, au.type, count(*)::int as n from approvals a
      join campaign_groups g on g.id = a.campaign_group_id join campaigns c on c.id = g.campaign_id join org_units au on au.id = a.authority_unit_id
      group by c.year, au.type order by c.year, au.type`);
    expect(approvals).toEqual([
      { year: 2024, type: 'district', n: 13 },
      { year: 2024, type: 'province', n: 1 },
      { year: 2025, type: 'province', n: 2 },
    ]);
    const snapshots = await q<{ year: number }>(
      `select c.year from snapshots s join campaigns c on c.id = s.campaign_id order by c.year`,
    );
    expect(snapshots.map((s) => s.year)).toEqual([2024, 2025]);
    const bodies = await q<{
      year: number;
      kind: string;
      members: number;
    }>(`select c.year, b.kind, count(m.id)::int as members from appraisal_bodies b
      join campaign_groups g on g.id = b.campaign_group_id join campaigns c on c.id = g.campaign_id left join appraisal_members m on m.body_id = b.id
      group by c.year, b.kind order by c.year, b.kind`);
    expect(bodies).toEqual([
      { year: 2024, kind: 'council', members: 3 },
      { year: 2024, kind: 'parent_unit', members: 0 },
      { year: 2025, kind: 'council', members: 6 },
      { year: 2026, kind: 'council', members: 6 },
    ]);
  });

  it("gives the demo accounts today's units: Sở KH&CN as DX office, reporters of current communes", async () => {
    const grants = await q<{
      username: string;
      role: string;
      code: string;
    }>(`select u.username, r.role, o.code from role_assignments r join users u on u.id = r.user_id
      join org_units o on o.id = r.unit_id where u.username in ('sokhcn', 'sotttt', 'camb.nhaplieu', 'camb.lanhdao', 'thanhsen.nhaplieu', 'hd.chutich', 'cx.vhtt') order by u.username`);
    expect(grants).toEqual([
      { username: 'camb.lanhdao', role: 'unit_leader', code: 'HT.X.CAMBINH' },
      { username: 'camb.nhaplieu', role: 'unit_reporter', code: 'HT.X.CAMBINH' },
      { username: 'cx.vhtt', role: 'dx_office', code: 'HT.H.CXUYEN' },
      { username: 'hd.chutich', role: 'council_chair', code: 'HT' },
      { username: 'sokhcn', role: 'dx_office', code: 'HT' },
      { username: 'sotttt', role: 'dx_office', code: 'HT' },
      { username: 'thanhsen.nhaplieu', role: 'unit_reporter', code: 'HT.X.THANHSEN' },
    ]);
    const open = await q<{
      code: string;
      status: string;
      items: number;
    }>(`select o.code, a.status, (select count(*)::int from assessment_items i where i.assessment_id = a.id) as items
      from assessments a join campaigns c on c.id = a.campaign_id join org_units o on o.id = a.unit_id
      where c.status = 'open' and o.code in ('HT.X.CAMXUYEN', 'HT.X.CAMBINH', 'HT.X.THANHSEN') order by o.code`);
    expect(open.map((r) => [r.code, r.status])).toEqual([
      ['HT.X.CAMBINH', 'draft'],
      ['HT.X.CAMXUYEN', 'submitted'],
      ['HT.X.THANHSEN', 'draft'],
    ]);
    expect(open.every((r) => r.items > 0)).toBe(true);
  });
});

describe('public page of a merged commune (issue 15 §2)', () => {
  const idOf = async (code: string) =>
    (await q<{ id: string }>(`select id from org_units where code = '${code}'`))[0]!.id;

  it('shows 2024, before its formation, derived from its predecessors: labelled, method named, predecessors listed', async () => {
    const metas = await allPublished(database.db);
    const page = (await unitPage(database.db, { unitId: await idOf('HT.X.CAMBINH'), metas }))!;
    expect(page.trend.map((t) => t.year)).toEqual([2025]);
    expect(page.derivedTrend).toHaveLength(1);
    const d = page.derivedTrend[0]!;
    expect(d).toMatchObject({
      year: 2024,
      derived: true,
      method: 'equal',
      predecessorsTotal: 4,
      predecessorsCounted: 4,
    });
    expect(d.methodLabel).toContain('trọng số bằng nhau');
    expect(d.predecessors.map((p) => p.name).sort()).toEqual([
      'Xã Cẩm Bình',
      'Xã Cẩm Thành',
      'Xã Cẩm Vịnh',
      'Xã Thạch Bình',
    ]);
    // Each predecessor's figure is the one its own public page shows for 2024; the derived one is their plain mean.
    for (const p of d.predecessors) {
      const own = (await unitPage(database.db, { unitId: p.id, metas }))!;
      expect(own.trend.find((t) => t.year === 2024)?.percent, p.name).toBe(p.percent);
    }
    const mean = d.predecessors.reduce((s, p) => s + p.percent!, 0) / 4;
    expect(Math.abs(d.percent! - mean)).toBeLessThanOrEqual(0.005);
  });

  it('derives nothing for a unit with its own history (a continuing sở)', async () => {
    const page = (await unitPage(database.db, {
      unitId: await idOf('HT.S.TP'),
      metas: await allPublished(database.db),
    }))!;
    expect(page.trend.map((t) => t.year)).toEqual([2024, 2025]);
    expect(page.derivedTrend).toEqual([]);
  });
});

describe('year over year on the demo: only where it means something (issue 14 §2)', () => {
  const idOf = async (code: string) =>
    (await q<{ id: string }>(`select id from org_units where code = '${code}'`))[0]!.id;

  it('dashboards, last year against 2024: a continuing sở compares its percent but not its rank (19 sở then, 14 now); a merged commune not at all (another index set, no confirmed mapping)', async () => {
    const tp = await idOf('HT.S.TP');
    const c2025 = (await campaignOfUnit(database.db, tp, undefined))!;
    const c2024 = (await previousPublished(database.db, c2025))!;
    expect([c2025.year, c2024.year]).toEqual([2025, 2024]);
    const sets = await loadPublishedSets(database.db, [c2025, c2024]);
    const groups = await compareSets(database.db, {
      current: sets.get(c2025.id)!,
      previous: sets.get(c2024.id)!,
      inScope: () => true,
      kinds: { current: c2025.kind, previous: c2024.kind },
    });
    const unit = async (code: string) => {
      const id = await idOf(code);
      return groups.flatMap((g) => g.units).find((u) => u.unitId === id)!;
    };
    const so = await unit('HT.S.TP');
    expect(so).toMatchObject({ source: 'own', comparable: true, deltaRank: null });
    expect(so.deltaPercent).not.toBeNull();
    expect(so.rank).toMatchObject({ comparable: false, reason: 'different_group' });
    expect(so.rank.params!.currentUnits).not.toBe(so.rank.params!.previousUnits);
    const commune = await unit('HT.X.CAMBINH');
    expect(commune).toMatchObject({
      source: 'predecessors',
      comparable: false,
      reason: 'different_index_set',
      deltaPercent: null,
      deltaRank: null,
    });
    const communes = groups.find((g) => g.units.some((u) => u.unitId === commune.unitId))!;
    expect(summariseComparison(communes)).toMatchObject({ comparableUnits: 0, averageDelta: null, improved: 0 });
  });

  it("the public page: the merged commune's derived 2024 is not compared with 2025; the sở's two years are joined", async () => {
    const metas = await allPublished(database.db);
    const merged = (await unitPage(database.db, { unitId: await idOf('HT.X.CAMBINH'), metas }))!;
    expect(merged.derivedTrend[0]!.comparison).toEqual({ comparable: false, reason: 'different_index_set' });
    const so = (await unitPage(database.db, { unitId: await idOf('HT.S.TP'), metas }))!;
    expect(so.trend.map((t) => [t.year, t.withPrevious])).toEqual([
      [2024, null],
      [2025, { comparable: true }],
    ]);
  });

  it("the log, as its page words it: every field the demo's entries record has a name; no UUID, no code", async () => {
    // Every entry but the bulk accepts (thousands, all keyed by item codes): a few of those.
    const entries = await q<{ id: number; object_type: string; object_id: string; before: unknown; after: unknown }>(
      `select id, object_type, object_id, before, after from audit_log where action <> 'appraisal.items.accept'
       union all (select id, object_type, object_id, before, after from audit_log
                  where action = 'appraisal.items.accept' limit 5)`,
    );
    expect(entries.length).toBeGreaterThan(1000);
    const ids = new Set<string>();
    for (const e of entries) collectIds([e.before, e.after], ids, Number.MAX_SAFE_INTEGER);
    const names = Object.fromEntries(await namesOfIds(database.db, ids));
    const setWords = await indexSetWordsOf(
      database.db,
      entries.map((e) => ({ ...e, id: Number(e.id), objectType: e.object_type, objectId: e.object_id })),
    );
    const missing = new Set<string>();
    const shown = new Set<string>();
    for (const e of entries) {
      const fields = setWords.get(Number(e.id)) ?? {};
      const w = testAuditWords({ names, fields, objectType: e.object_type }, missing);
      for (const r of diffRows(e.before, e.after, w)) shown.add(`${r.field}\t${r.before}\t${r.after}`);
    }
    expect([...missing].filter((k) => k.startsWith('audit.f.'))).toEqual([]);
    const text = [...shown].join('\n');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    // A code left as stored (self_assessment_closed, lowest_band, insufficient_evidence…).
    expect(text.split('\n').filter((l) => /\b[a-z]+(_[a-z]+)+\b/.test(l))).toEqual([]);
  });
});
