// An item save's first read (db/queries/item-save.ts) asks which of the documents it sends belong to the unit's
// library. It must look up only those: a department's library grows over the years to hundreds of documents,
// and a save that sends none read every one of them, on every save (PostgreSQL's generic plan chose the unit's
// index: most units have few documents). Checked on the plan each statement runs with, as the app runs it (a
// prepared statement's generic plan), against a library of 300 documents in a province of a thousand communes.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { namedStatementsMade } from '../../src/db/prepared.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import '../../src/db/queries/item-save.ts';
import { evidenceDocuments } from '../../src/db/schema/evidence.ts';
import { type CampaignIds, createOpenCampaign } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
let ids: CampaignIds;
let own: string;
let foreign: string;

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-10T03:00:00Z') });
  ids = await createOpenCampaign(t);
  const db = t.database.db;
  // A province's libraries: a thousand other communes with a document each (as most units have a few), and
  // C1's library of 300 — the statistics a real province gives the planner.
  await db.execute(sql`
    with parent as (select parent_id, path from org_units where id = ${t.unit('C1')}),
    communes as (
      insert into org_units (id, code, name, name_folded, type, parent_id, path)
      select g.id, 'LS.X.' || lpad(g.n::text, 4, '0'), 'Xã Thử ' || g.n, 'xa thu ' || g.n, 'commune', parent.parent_id,
        regexp_replace(parent.path, '[^/]+/$', '') || g.id || '/'
      from parent, (select gen_random_uuid() as id, n from generate_series(1, 1000) n) g
      returning id)
    insert into evidence_documents (unit_id, url, doc_number)
    select id, 'https://xa.example.vn/bao-cao.pdf', '1/BC-UBND' from communes`);
  const library = Array.from({ length: 300 }, (_, n) => ({
    unitId: t.unit('C1'),
    url: `https://c1.example.vn/van-ban-${n + 1}.pdf`,
    docNumber: `${n + 1}/BC-UBND`,
  }));
  const docs = await db.insert(evidenceDocuments).values(library).returning();
  own = docs[0]!.id;
  const [other] = await db
    .insert(evidenceDocuments)
    .values({ unitId: t.unit('C3'), url: 'https://c3.example.vn/kh.pdf', docNumber: '9/KH-UBND' })
    .returning();
  foreign = other!.id;
  await db.execute(sql`analyze evidence_documents`);
  await t.as('rep_c1'); // a session, for the read made with it
});
afterAll(() => t.close());

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** Rows of `evidence_documents` the statement's generic plan read (kept or filtered out), and its answer. */
async function documentsRead(name: string, sent: string[]) {
  const statement = namedStatementsMade().find((s) => s.name === name);
  if (!statement) throw new Error(`no statement ${name}`);
  return t.database.db.transaction(async (tx: Db) => {
    const [session] = rowsOf<{ id: string }>(await tx.execute(sql`select id from sessions limit 1`));
    const read = [`'${ids.assessments.C1}'`, `'1.1'`, `'{${sent.join(',')}}'`];
    const params = (name.startsWith('session_with_') ? [`'${session!.id}'`, ...read] : read).join(', ');
    await tx.execute(sql.raw(`set local plan_cache_mode = force_generic_plan`));
    await tx.execute(sql.raw(`prepare library_size_check as ${statement.text}`));
    const [explained] = rowsOf<Record<string, unknown>>(
      await tx.execute(sql.raw(`explain (analyze, format json) execute library_size_check(${params})`)),
    );
    const [answer] = rowsOf<Record<string, unknown>>(
      await tx.execute(sql.raw(`execute library_size_check(${params})`)),
    );
    await tx.execute(sql.raw(`deallocate library_size_check`));
    const plan = Object.values(explained!)[0] as unknown;
    const root = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: PlanNode }[];
    let rows = 0;
    const visit = (node: PlanNode) => {
      if (node['Relation Name'] === 'evidence_documents')
        rows +=
          ((node['Actual Rows'] ?? 0) +
            (node['Rows Removed by Filter'] ?? 0) +
            (node['Rows Removed by Index Recheck'] ?? 0)) *
          (node['Actual Loops'] ?? 1);
      node.Plans?.forEach(visit);
    };
    visit(root[0]!.Plan);
    const routeRead = (answer!.route_read ?? answer) as { owned_evidence: string[] } | string;
    const owned = (typeof routeRead === 'string' ? JSON.parse(routeRead) : routeRead).owned_evidence;
    return { rows, owned };
  });
}

describe("an item save's read of the unit's library, 300 documents in it", () => {
  for (const name of ['session_with_item_save_context', 'item_save_context_unlocked', 'item_save_context']) {
    it(`${name}: nothing sent → no document read`, async () => {
      expect(await documentsRead(name, [])).toEqual({ rows: 0, owned: [] });
    });

    it(`${name}: one of the unit's and one of another unit's sent → those two read, the unit's kept`, async () => {
      const { rows, owned } = await documentsRead(name, [own, foreign]);
      expect(rows).toBe(2);
      expect(owned).toEqual([own]);
    });
  }
});
