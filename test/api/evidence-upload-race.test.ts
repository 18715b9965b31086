// Two uploads of the same content at once (a provincial document every unit attaches on deadline day): the
// second's insert of the stored file waits for the first's and then does nothing — and the file's row, which
// the upload's answer is built from, committed after the second statement's snapshot was taken. It answered
// 500 (seen in the deadline-day benchmark); it must answer 201 with the file as recorded.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../support/test-app.ts';
import { testDbKind } from '../support/test-db-config.ts';
import { whileHeld } from '../support/while-held.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe.skipIf(testDbKind() !== 'postgres')('uploads of the same content at once', () => {
  it("the one whose file row another upload committed meanwhile answers 201 with that row's size and type", async () => {
    const rep = await t.as('rep_c1');
    const pdf = Buffer.from('%PDF-1.4\n% Công văn số 88/UBND-VX của UBND tỉnh\n%%EOF\n');
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const res = await whileHeld(
      t.database.db,
      [`insert into stored_files (sha256, size, mime_type) values ('${sha256}', ${pdf.length}, 'application/pdf')`],
      'insert into stored_files',
      () => rep.upload(`/api/v1/units/${t.unit('C1')}/evidence`, 'cong-van-88.pdf', pdf),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sha256, size: pdf.length, mimeType: 'application/pdf', usedBy: [] });
  });
});
