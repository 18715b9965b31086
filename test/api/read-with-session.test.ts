// The form load's, the item save's and the submission's first read ride with the session's
// (docs/decisions/0026): a form load is one statement where it was two, a save two and a submission two
// where each was three; an upload seven where it was ten (its unit read with the session, its audit entry one
// statement, its answer built from what it wrote). What that must keep: the read is used only
// once the caller is known and the policy allows it — a caller without a session learns nothing, not even
// whether the body was valid; one who may not read the form gets the 404 of before; a document of another
// unit is refused as before —, and a request whose path or body cannot be the read's still gets the
// session's answer and then validation's.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type CampaignIds,
  FULL_ENTRIES,
  addAccount,
  createOpenCampaign,
  fillAll,
} from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';
import { testDbKind } from '../support/test-db-config.ts';

let t: TestApp;
let ids: CampaignIds;

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-10T03:00:00Z') });
  ids = await createOpenCampaign(t);
  await addAccount(t, 'rep_c2', 'unit_reporter', 'C2');
});
afterAll(() => t.close());

/**
 * What a request answered, how many statements it sent to PostgreSQL (node-postgres's Client.query) and the
 * names of the named ones.
 */
async function statementsOf<T>(
  request: () => Promise<T>,
): Promise<{ answer: T; statements: number; names: (string | undefined)[] }> {
  const query = vi.spyOn(pg.Client.prototype, 'query');
  try {
    const answer = await request();
    const names = query.mock.calls.map(([q]) =>
      typeof q === 'object' && q !== null ? (q as { name?: string }).name : undefined,
    );
    return { answer, statements: query.mock.calls.length, names };
  } finally {
    query.mockRestore();
  }
}

const ENTRY = { ...FULL_ENTRIES['2.1']!, explanation: 'Theo báo cáo số 12/BC-UBND' };

describe('the first read made with the session', () => {
  it('a caller without a live session learns nothing of the form or of the body', async () => {
    const id = ids.assessments.C1!;
    const rep = await t.as('rep_c1');
    const unknown = { ...rep, cookie: 'thuocdo_sid=not-a-session' };
    for (const res of [
      await t.app.inject({
        method: 'PUT',
        url: `/api/v1/assessments/${id}/items/2.1`,
        headers: { cookie: unknown.cookie, 'x-csrf-token': rep.csrf },
        payload: { nonsense: true },
      }),
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/assessments/${id}/submit`,
        headers: { cookie: unknown.cookie, 'x-csrf-token': rep.csrf },
      }),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a path or body that cannot be a save is answered by the session, then by validation', async () => {
    const rep = await t.as('rep_c1');
    const notAnId = await rep.put('/api/v1/assessments/not-an-id/items/2.1', { ...ENTRY, version: 0 });
    expect(notAnId.statusCode).toBe(400);
    const badEvidence = await rep.put(`/api/v1/assessments/${ids.assessments.C1}/items/2.1`, {
      ...ENTRY,
      evidenceIds: 'all',
      version: 0,
    });
    expect(badEvidence.statusCode).toBe(400);
    expect(badEvidence.json().error.code).toBe('VALIDATION_FAILED');
  });

  it("another unit's staff get the 404 of before; its own staff save and submit", async () => {
    const id = ids.assessments.C1!;
    const other = await t.as('rep_c3');
    expect((await other.put(`/api/v1/assessments/${id}/items/2.1`, { ...ENTRY, version: 0 })).statusCode).toBe(404);
    expect((await (await t.as('lead_c1')).post(`/api/v1/assessments/${ids.assessments.C3}/submit`)).statusCode).toBe(
      404,
    );
    const notTheirs = await other.get(`/api/v1/assessments/${id}`);
    expect(notTheirs.statusCode).toBe(404);
    expect(notTheirs.body).not.toContain(t.unit('C1'));
    // The read with the session found nothing (its row null): each route answers as for any missing record.
    const unknownForm = '00000000-0000-4000-8000-000000000000';
    expect((await other.get(`/api/v1/assessments/${unknownForm}`)).statusCode).toBe(404);
    expect((await other.put(`/api/v1/assessments/${unknownForm}/items/2.1`, { ...ENTRY, version: 0 })).statusCode).toBe(
      404,
    );
    expect((await (await t.as('lead_c1')).post(`/api/v1/assessments/${unknownForm}/submit`)).statusCode).toBe(404);
    const toNoUnit = await other.upload(
      `/api/v1/units/${unknownForm}/evidence`,
      'bao-cao.pdf',
      Buffer.from('%PDF-1.4\n%%EOF\n'),
    );
    expect(toNoUnit.statusCode).toBe(404);

    const own = await (await t.as('rep_c1')).get(`/api/v1/assessments/${id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().unit.id).toBe(t.unit('C1'));
    await fillAll(t, id);
    const submitted = await (await t.as('lead_c1')).post(`/api/v1/assessments/${id}/submit`);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe('submitted');
  });

  it("a document of another unit's library is refused", async () => {
    const id = ids.assessments.C2!;
    const c3 = await t.as('rep_c3');
    const link = await c3.post(`/api/v1/units/${t.unit('C3')}/evidence/link`, {
      url: 'https://vanban.hatinh.gov.vn/7-kh',
      docNumber: '7/KH-UBND',
    });
    expect(link.statusCode).toBe(201);
    const foreign = link.json().id as string;
    const res = await (
      await t.as('rep_c2')
    ).put(`/api/v1/assessments/${id}/items/2.1`, { ...ENTRY, evidenceIds: [foreign], version: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Tài liệu kiểm chứng phải thuộc thư viện tài liệu của đơn vị.',
    });
  });

  it.skipIf(testDbKind() !== 'postgres')('a save is two statements', async () => {
    const id = ids.assessments.C3!;
    const rep = await t.as('rep_c3');
    // Warm: the definition cached, the session's last use recent (its touch is written at most once a minute).
    await rep.put(`/api/v1/assessments/${id}/items/1.1`, { ...FULL_ENTRIES['1.1'], explanation: 'Lần 1', version: 0 });
    const body = { ...FULL_ENTRIES['1.1'], explanation: 'Lần 2', version: 1 };
    const { answer, statements } = await statementsOf(() => rep.put(`/api/v1/assessments/${id}/items/1.1`, body));
    expect(answer.statusCode).toBe(200);
    expect(statements).toBe(2);
  });

  it.skipIf(testDbKind() !== 'postgres')(
    'a save citing more documents than allowed: the session alone is read, validation refuses the rest',
    async () => {
      const id = ids.assessments.C3!;
      const rep = await t.as('rep_c3');
      const tooMany = Array.from({ length: 20_000 }, () => randomUUID());
      const { answer, names } = await statementsOf(() =>
        rep.put(`/api/v1/assessments/${id}/items/1.2`, { ...ENTRY, evidenceIds: tooMany, version: 0 }),
      );
      expect(answer.statusCode).toBe(400);
      expect(answer.json().error.code).toBe('VALIDATION_FAILED');
      expect(names).toEqual(['session_with_grants']);
    },
  );

  it.skipIf(testDbKind() !== 'postgres')('a form load is one statement', async () => {
    const id = ids.assessments.C3!;
    const rep = await t.as('rep_c3');
    await rep.get(`/api/v1/assessments/${id}`); // warm: the definition cached, the session's last use recent
    // The first loads read the items with the state; from the second one at a revision, the state alone.
    for (let load = 0; load < 3; load++) {
      const { answer, statements } = await statementsOf(() => rep.get(`/api/v1/assessments/${id}`));
      expect(answer.statusCode).toBe(200);
      expect(statements).toBe(1);
    }
  });

  it.skipIf(testDbKind() !== 'postgres')(
    'an upload is two statements: session and unit, then the record (file lock, file, document, audit entry)',
    async () => {
      const rep = await t.as('rep_c3');
      const pdf = (n: number) => Buffer.from(`%PDF-1.4\n% Báo cáo số ${n}\n%%EOF\n`);
      await rep.upload(`/api/v1/units/${t.unit('C3')}/evidence`, 'bao-cao-1.pdf', pdf(1)); // warm
      const { answer, statements } = await statementsOf(() =>
        rep.upload(`/api/v1/units/${t.unit('C3')}/evidence`, 'bao-cao-2.pdf', pdf(2)),
      );
      expect(answer.statusCode).toBe(201);
      expect(statements).toBe(2); // decisions 0030, 0031
    },
  );

  it.skipIf(testDbKind() !== 'postgres')('a submission is two statements', async () => {
    const id = ids.assessments.C3!;
    await fillAll(t, id, 'rep_c3');
    await addAccount(t, 'lead_c3', 'unit_leader', 'C3');
    const lead = await t.as('lead_c3');
    await lead.get(`/api/v1/assessments/${id}`); // warm: the session's last use recent, the definition cached
    const { answer, statements } = await statementsOf(() => lead.post(`/api/v1/assessments/${id}/submit`));
    expect(answer.statusCode).toBe(200);
    expect(statements).toBe(2);
  });
});
