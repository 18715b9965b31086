// An item save runs as two statements without a transaction, and only when its write's guard does not hold
// as the locked transaction (docs/decisions/0023). What that must keep: every acknowledged save has its audit
// entry in its unit's chain, one after another, however many save at once (the chain's head is read under its
// lock, not as of the statement's start); a submission or another save committing between the save's read and
// its write is seen by the write — the save is then refused, or answered with the conflict, and nothing of it
// is written.
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/db/audit/verify-audit.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { type CampaignIds, FULL_ENTRIES, addAccount, createOpenCampaign } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';
import { testDbKind } from '../support/test-db-config.ts';
import { whileHeld } from '../support/while-held.ts';

let t: TestApp;
let ids: CampaignIds;

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-10T03:00:00Z') });
  ids = await createOpenCampaign(t);
  await addAccount(t, 'rep_c2', 'unit_reporter', 'C2');
});
afterAll(() => t.close());

const one = async <Row>(query: ReturnType<typeof sql>) => rowsOf<Row>(await t.database.db.execute(query))[0]!;

const savesAudited = async (id: string) =>
  Number(
    (
      await one<{ n: number }>(
        sql`select count(*)::int as n from audit_log where action = 'assessment.item.save' and object_id like ${`${id}:%`}`,
      )
    ).n,
  );

const versionOf = async (id: string, code: string) =>
  (
    await one<{ v: number | null }>(
      sql`select (select version from assessment_items where assessment_id = ${id} and code = ${code}) as v`,
    )
  ).v ?? 0;

describe('item saves without a transaction', () => {
  it("saves of one unit's items at once: all acknowledged, each audited, the unit's chain unbroken", async () => {
    const id = ids.assessments.C1!;
    const rep = await t.as('rep_c1');
    const before = await savesAudited(id);
    const codes = Object.keys(FULL_ENTRIES);
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(
        codes.map((code) =>
          rep.put(`/api/v1/assessments/${id}/items/${code}`, {
            ...FULL_ENTRIES[code],
            explanation: `Lần ${round + 1}: giải trình chỉ số ${code}`,
            version: round,
          }),
        ),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(codes.map(() => 200));
      expect(answers.map((a) => a.json().version)).toEqual(codes.map(() => round + 1));
    }
    expect(await savesAudited(id)).toBe(before + 3 * codes.length);
    const check = await verifyAuditChain(t.database.db);
    expect(check.problems).toEqual([]);
  });
});

/**
 * A transaction locks the assessment's row (FOR UPDATE, as a submission or a reopening does) and runs
 * `change`; it commits once the save's write waits for that row.
 */
const saveWhileLocked = (id: string, change: string, save: () => Promise<LightMyRequestResponse>) =>
  whileHeld(
    t.database.db,
    [`select 1 from assessments where id = '${id}' for update`, change],
    'gate as materialized',
    save,
  );

// PostgreSQL only: PGlite has one connection, so nothing can commit while a statement waits.
describe.skipIf(testDbKind() !== 'postgres')('what commits between the save read and its write', () => {
  it('a submission: the save is refused as the form now stands (submitted), nothing of it written', async () => {
    const id = ids.assessments.C2!;
    const rep = await t.as('rep_c2');
    const audited = await savesAudited(id);
    const res = await saveWhileLocked(
      id,
      `update assessments set status = 'submitted', submitted_at = now() where id = '${id}'`,
      () => rep.put(`/api/v1/assessments/${id}/items/2.2`, { inputs: { value: 4 }, version: 0 }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ASSESSMENT_LOCKED');
    expect(await versionOf(id, '2.2')).toBe(0);
    expect(await savesAudited(id)).toBe(audited);
    await t.database.db.execute(sql`update assessments set status = 'draft', submitted_at = null where id = ${id}`);
  });

  it('a save of the same item: answered with the conflict and the item as it now stands, nothing of it written', async () => {
    const id = ids.assessments.C2!;
    const rep = await t.as('rep_c2');
    const first = await rep.put(`/api/v1/assessments/${id}/items/2.3`, { inputs: { a: 1, b: 10 }, version: 0 });
    expect(first.statusCode).toBe(200);
    const audited = await savesAudited(id);
    const res = await saveWhileLocked(
      id,
      `update assessment_items set explanation = 'Người khác vừa lưu', version = 2 where assessment_id = '${id}' and code = '2.3'`,
      () => rep.put(`/api/v1/assessments/${id}/items/2.3`, { inputs: { a: 9, b: 10 }, version: 1 }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('VERSION_CONFLICT');
    expect(res.json().error.details.current).toMatchObject({ version: 2, explanation: 'Người khác vừa lưu' });
    expect(await versionOf(id, '2.3')).toBe(2);
    expect(await savesAudited(id)).toBe(audited);
  });
});
