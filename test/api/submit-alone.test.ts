// A submission runs first as two statements without a transaction, and only when its write's guard does not
// hold as the locked transaction (docs/decisions/0024). What that must keep: one form submitted once,
// however many press "Gửi" at once — one audit entry, one timing, the unit's chain unbroken; another
// submission (or a reopening) committing between the read and the write is seen by the write, which then
// leaves the form as that one left it. (A save committing meanwhile: test/api/submit-race.test.ts, whose
// cases run through this path first.)
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/db/audit/verify-audit.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { type CampaignIds, addAccount, createOpenCampaign, fillAll } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';
import { testDbKind } from '../support/test-db-config.ts';
import { whileHeld } from '../support/while-held.ts';

let t: TestApp;
let ids: CampaignIds;

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-10T03:00:00Z') });
  ids = await createOpenCampaign(t);
  await addAccount(t, 'rep_c2', 'unit_reporter', 'C2');
  await addAccount(t, 'lead_c2', 'unit_leader', 'C2');
  await addAccount(t, 'lead_c2b', 'unit_leader', 'C2');
});
afterAll(() => t.close());

const one = async <Row>(query: ReturnType<typeof sql>) => rowsOf<Row>(await t.database.db.execute(query))[0]!;

const submissionsAudited = async (id: string) =>
  Number(
    (
      await one<{ n: number }>(
        sql`select count(*)::int as n from audit_log where action = 'assessment.submit' and object_id = ${id}`,
      )
    ).n,
  );

describe('submissions without a transaction', () => {
  it('two leaders submit one form at once: both see it submitted, one timing, one audit entry, the chain whole', async () => {
    const id = ids.assessments.C1!;
    await fillAll(t, id);
    await addAccount(t, 'lead_c1b', 'unit_leader', 'C1');
    const [a, b] = await Promise.all([
      (await t.as('lead_c1')).post(`/api/v1/assessments/${id}/submit`),
      (await t.as('lead_c1b')).post(`/api/v1/assessments/${id}/submit`),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json()).toMatchObject({ status: 'submitted', submittedAt: '2026-11-10T03:00:00.000Z' });
    expect(b.json()).toMatchObject({ status: 'submitted', submittedAt: '2026-11-10T03:00:00.000Z' });
    expect(a.json().rowVersion).toBe(b.json().rowVersion);
    expect(await submissionsAudited(id)).toBe(1);
    expect((await verifyAuditChain(t.database.db)).problems).toEqual([]);
  });
});

/**
 * A transaction locks the assessment's row FOR UPDATE (as a submission or a reopening does) and runs
 * `change`; it commits once the submission's write waits for that row.
 */
async function submitWhileLocked(id: string, change: string, leader: string) {
  const lead = await t.as(leader);
  return whileHeld(
    t.database.db,
    [`select 1 from assessments where id = '${id}' for update`, change],
    'gate as materialized',
    () => lead.post(`/api/v1/assessments/${id}/submit`),
  );
}

// PostgreSQL only: PGlite has one connection, so nothing can commit while a statement waits.
describe.skipIf(testDbKind() !== 'postgres')('what commits between the submission read and its write', () => {
  it("another submission: answered with that submission's timing, nothing of this one written", async () => {
    const id = ids.assessments.C2!;
    await fillAll(t, id, 'rep_c2');
    const audited = await submissionsAudited(id);
    const res = await submitWhileLocked(
      id,
      `update assessments set status = 'submitted', submitted_at = '2026-11-09T01:00:00Z', submission_channel = 'system',
         days_late = 0, penalty_points = 0, row_version = row_version + 1 where id = '${id}'`,
      'lead_c2',
    );
    expect(res.statusCode).toBe(200);
    // Without the write's row-version condition this submission's own timing (03:00 on the 10th) overwrites it.
    expect(res.json()).toMatchObject({ status: 'submitted', submittedAt: '2026-11-09T01:00:00.000Z' });
    const row = await one<{ submitted_at: Date | string }>(sql`select submitted_at from assessments where id = ${id}`);
    expect(new Date(row.submitted_at).toISOString()).toBe('2026-11-09T01:00:00.000Z');
    expect(await submissionsAudited(id)).toBe(audited);
  });

  it('one more item reopened: the submission re-locks both and keeps the first timing', async () => {
    const id = ids.assessments.C2!;
    const reopen = (code: string) =>
      `update assessments set reopened_at = now(), reopen_reason = 'Bổ sung tài liệu', row_version = row_version + 1 where id = '${id}';
       update assessment_items set reopened = true where assessment_id = '${id}' and code = '${code}'`;
    await t.database.db.execute(sql.raw(reopen('2.2')));
    const res = await submitWhileLocked(id, reopen('2.3'), 'lead_c2b');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', submittedAt: '2026-11-09T01:00:00.000Z' });
    const reopened = await one<{ n: number }>(
      sql`select count(*)::int as n from assessment_items where assessment_id = ${id} and reopened`,
    );
    expect(Number(reopened.n)).toBe(0);
    const resubmitted = await one<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'assessment.resubmit' and object_id = ${id}`,
    );
    expect(Number(resubmitted.n)).toBe(1);
    expect((await verifyAuditChain(t.database.db)).problems).toEqual([]);
  });
});
