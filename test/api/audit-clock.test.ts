// Audit entries carry the caller's clock, not the machine's: a batch (writeAuditBatch: imports, bulk
// appraisal, pulls) and the item save's one-statement entry (appendAuditSql) are stamped with the `now`
// their change was made at — so an entry and the rows it describes agree, and a fixed clock reaches the log.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAuditBatch } from '../../src/db/audit/write-audit.ts';
import { verifyAuditChain } from '../../src/db/audit/verify-audit.ts';
import { createOpenCampaign } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

// Before the fixture campaign's default deadline (2026-11-15), so the campaign opens and takes saves.
const FIXED = new Date('2026-11-01T04:05:06.789Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: () => FIXED });
});
afterAll(() => t.close());

const rowsOf = (res: unknown) => ((res as { rows?: unknown[] }).rows ?? res) as { at: string | Date }[];

describe('the audit time is the caller’s', () => {
  it('writeAuditBatch stamps every entry with the time it is given, and the chain stays whole', async () => {
    const unitId = t.unit('C1');
    await t.database.db.transaction((tx) =>
      writeAuditBatch(
        tx,
        { id: null, name: 'clock test' },
        [
          { action: 'clock.test', objectType: 'clock', objectId: 'a', unitId },
          { action: 'clock.test', objectType: 'clock', objectId: 'b' },
        ],
        FIXED,
      ),
    );
    const rows = rowsOf(await t.database.db.execute(sql`select at from audit_log where action = 'clock.test'`));
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(new Date(r.at).toISOString()).toBe(FIXED.toISOString());
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('refuses an invalid time rather than writing it', async () => {
    await expect(
      t.database.db.transaction((tx) =>
        writeAuditBatch(
          tx,
          { id: null, name: 'clock test' },
          [{ action: 'x', objectType: 'x', objectId: 'x' }],
          new Date(NaN),
        ),
      ),
    ).rejects.toThrow(/not a valid date/);
  });

  it('an item save is audited at the server clock, the time the item carries', async () => {
    const ids = await createOpenCampaign(t);
    const id = ids.assessments.C1!;
    const rep = await t.as('rep_c1');
    const res = await rep.put(`/api/v1/assessments/${id}/items/1.2`, { inputs: { yes: true }, version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { updatedAt: string }).updatedAt).toBe(FIXED.toISOString());
    const log = await (await t.as('admin')).get(`/api/v1/audit?pageSize=5&objectType=assessment_item`);
    expect(log.statusCode, log.body).toBe(200);
    const [entry] = (log.json() as { items: { at: string; objectId: string }[] }).items;
    expect(entry).toMatchObject({ objectId: `${id}:1.2`, at: FIXED.toISOString() });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
