// `thuocdo fixture national` at a small size on the suite's database (PGlite, or PostgreSQL with
// THUOCDO_TEST_DB=postgres): counts, real files in the store (deduplicated), the published snapshot's
// signature, and determinism — the same seed gives the same units and scores on a second database.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { type NationalSummary, generateNationalFixture } from '../../src/fixture/national.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { verifySnapshot } from '../../src/app/publication/verify-snapshot.ts';
import { LocalFileStore } from '../../src/infra/storage/local-file-store.ts';
import { testKeySecrets } from '../support/key-secrets.ts';
import { createTestDatabase } from '../support/test-db.ts';

const OPTIONS = { units: 60, items: 20, filesMb: 2, seed: 42, skipFiles: false };
const one = async <T>(db: Database, q: ReturnType<typeof sql>) => rowsOf<T>(await db.db.execute(q))[0]!;
const totals = (s: NationalSummary) =>
  [...s.assessments.lastYear, ...s.assessments.current].map((a) => `${a.code}:${a.status}:${a.total}`).sort();

describe('national fixture', () => {
  let database: Database;
  let summary: NationalSummary;
  let root: string;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-fixture-files-'));
    database = await createTestDatabase();
    summary = await generateNationalFixture(database.db, new LocalFileStore({ root }), OPTIONS, testKeySecrets());
  }, 180_000);
  afterAll(async () => {
    await database?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('creates the organisation, accounts, index set and both campaigns', async () => {
    const c = await one<{ units: number; provinces: number; communes: number; departments: number; users: number }>(
      database,
      sql`select count(*)::int as units,
      count(*) filter (where type = 'province')::int as provinces, count(*) filter (where type = 'commune')::int as communes,
      count(*) filter (where type = 'department')::int as departments, (select count(*)::int from users) as users from org_units`,
    );
    expect(c).toMatchObject({ units: 60, provinces: 2 });
    expect(c.communes + c.departments).toBe(57);
    expect(c.users).toBe(summary.users);
    const fw = await one<{
      leaf_count: number;
      status: string;
      definition: { nodes: { children: { method: { kind: string; input?: string } }[] }[] };
    }>(database, sql`select leaf_count, status, definition from frameworks`);
    expect(fw.leaf_count).toBe(20);
    expect(fw.status).toBe('published');
    const kinds = new Set(
      fw.definition.nodes.flatMap((n) =>
        n.children.map((l) => `${l.method.kind}${l.method.input ? `:${l.method.input}` : ''}`),
      ),
    );
    expect([...kinds].sort()).toEqual([
      'choice',
      'formula',
      'manual',
      'ratio',
      'steps:number',
      'steps:percent',
      'yesno',
    ]);
    const campaigns = rowsOf<{ status: string; n: number }>(
      await database.db.execute(
        sql`select c.status, count(a.id)::int as n from campaigns c join assessments a on a.campaign_id = c.id group by c.status order by c.status`,
      ),
    );
    expect(campaigns).toEqual([
      { status: 'open', n: 57 },
      { status: 'published', n: 57 },
    ]);
    const items = await one<{ n: number; explained: number }>(
      database,
      sql`select count(*)::int as n, count(*) filter (where explanation <> '')::int as explained from assessment_items`,
    );
    expect(items.n).toBeGreaterThan(57 * 20);
    expect(items.explained).toBe(items.n);
    const mix = await one<{ submitted: number; drafts: number; reviews: number }>(
      database,
      sql`select count(*) filter (where a.status = 'submitted')::int as submitted,
      count(*) filter (where a.status = 'draft')::int as drafts, (select count(*)::int from item_reviews where final_score is not null) as reviews
      from assessments a join campaigns c on c.id = a.campaign_id where c.status = 'open'`,
    );
    expect(mix.submitted).toBe(summary.current.submitted);
    expect(mix.drafts).toBeGreaterThan(0);
    expect(summary.current.completeDrafts).toBeGreaterThan(0);
    expect(mix.reviews).toBeGreaterThan(0);
  });

  it('stores real evidence files once per content and links them to items', async () => {
    const f = await one<{ files: number; bytes: number; docs: number; shared: number; links: number; types: number }>(
      database,
      sql`select (select count(*)::int from stored_files) as files,
      (select coalesce(sum(size), 0)::bigint from stored_files) as bytes, (select count(*)::int from evidence_documents) as docs,
      (select count(distinct sha256)::int from evidence_documents) as shared, (select count(*)::int from item_evidence) as links,
      (select count(distinct mime_type)::int from stored_files) as types`,
    );
    expect(f.files).toBe(summary.files.distinct);
    expect(Number(f.bytes)).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    expect(f.types).toBe(6);
    expect(f.shared).toBeLessThan(f.docs); // the province plan is one stored file for many documents
    expect(f.links).toBeGreaterThan(0);
    const sample = rowsOf<{ sha256: string }>(
      await database.db.execute(sql`select sha256 from stored_files order by sha256 limit 3`),
    );
    for (const { sha256 } of sample) {
      const bytes = fs.readFileSync(path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
    }
  });

  it('publishes last year through the real operation: the snapshot verifies', async () => {
    const s = await one<{ payload: object; digest: string; signature: string; public_key_pem: string }>(
      database,
      sql`select s.payload, s.digest, s.signature, k.public_key_pem
      from snapshots s join signing_keys k on k.id = s.key_id where s.id = ${summary.lastYear.snapshot.id}`,
    );
    expect(
      verifySnapshot({ payload: s.payload, digest: s.digest, signature: s.signature, publicKeyPem: s.public_key_pem })
        .valid,
    ).toBe(true);
  });

  it('is deterministic: the same seed gives the same units and scores', async () => {
    const second = await createTestDatabase();
    try {
      const again = await generateNationalFixture(second.db, null, { ...OPTIONS, skipFiles: true }, testKeySecrets());
      const units = async (d: Database) =>
        rowsOf<{ code: string; name: string }>(await d.db.execute(sql`select code, name from org_units order by code`));
      expect(await units(second)).toEqual(await units(database));
      expect(totals(again)).toEqual(totals(summary));
      const scores = async (d: Database) =>
        rowsOf<{ code: string; item: string; self_score: number | null }>(
          await d.db.execute(sql`select u.code, i.code as item, i.self_score
        from assessment_items i join assessments a on a.id = i.assessment_id join org_units u on u.id = a.unit_id join campaigns c on c.id = a.campaign_id
        where c.status = 'open' order by u.code, i.code`),
        );
      expect(await scores(second)).toEqual(await scores(database));
    } finally {
      await second.close();
    }
  }, 180_000);
});
