// A document deleted from the unit's library at the moment an item save cites it. Whichever commits first,
// the other gets its clear answer and nothing is half-written: the save that comes second is told the
// document is not in the library (400), the deletion that comes second that the document is cited (409) —
// never a server error. PostgreSQL only: PGlite has one connection, so nothing can commit while a
// statement waits.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { type CampaignIds, createOpenCampaign } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';
import { testDbKind } from '../support/test-db-config.ts';
import { whileHeld } from '../support/while-held.ts';

let t: TestApp;
let ids: CampaignIds;

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-10T03:00:00Z') });
  ids = await createOpenCampaign(t);
});
afterAll(() => t.close());

const one = async <Row>(query: ReturnType<typeof sql>) => rowsOf<Row>(await t.database.db.execute(query))[0]!;

/** A link document in C1's library, for a save to cite. */
async function addLink(n: number): Promise<string> {
  const rep = await t.as('rep_c1');
  const res = await rep.post(`/api/v1/units/${t.unit('C1')}/evidence/link`, {
    url: `https://vanban.hatinh.gov.vn/${n}-kh`,
    docNumber: `${n}/KH-UBND`,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe.skipIf(testDbKind() !== 'postgres')('a document deleted while a save cites it', () => {
  it('the deletion commits first: the save is told the document is not in the library, nothing written', async () => {
    const id = ids.assessments.C1!;
    const doc = await addLink(1);
    const rep = await t.as('rep_c1');
    const res = await whileHeld(
      t.database.db,
      [`delete from evidence_documents where id = '${doc}'`],
      'gate as materialized',
      () =>
        rep.put(`/api/v1/assessments/${id}/items/1.2`, {
          inputs: { yes: true },
          explanation: 'Đã ban hành kế hoạch',
          evidenceIds: [doc],
          version: 0,
        }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Tài liệu kiểm chứng phải thuộc thư viện tài liệu của đơn vị.',
    });
    const item = await one<{ n: number }>(
      sql`select count(*)::int as n from assessment_items where assessment_id = ${id} and code = '1.2'`,
    );
    expect(Number(item.n)).toBe(0);
  });

  it('the save commits first: the deletion is told the document is cited, and it stays', async () => {
    const id = ids.assessments.C1!;
    const doc = await addLink(2);
    const rep = await t.as('rep_c1');
    const res = await whileHeld(
      t.database.db,
      [`insert into item_evidence (assessment_id, code, evidence_id) values ('${id}', '1.3', '${doc}')`],
      'evidence_documents',
      () => rep.delete(`/api/v1/evidence/${doc}`),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('EVIDENCE_IN_USE');
    const kept = await one<{ n: number }>(sql`select count(*)::int as n from evidence_documents where id = ${doc}`);
    expect(Number(kept.n)).toBe(1);
  });
});
