// The evidence store out of space (EVIDENCE_QUOTA_BYTES small): uploads are refused with 507 STORAGE_FULL
// and a Vietnamese message naming the problem, nothing is left on disk, and item saves and reads go on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLOCK_DEADLINE, createOpenCampaign } from '../support/campaign-fixture.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { LocalFileStore } from '../../src/infra/storage/local-file-store.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pdf } from '../support/sample-files.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-quota-'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ fileStore: new LocalFileStore({ root, quotaBytes: 4096 }) });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const files = () =>
  (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) => e.isFile());

describe('evidence store out of space', () => {
  it('refuses uploads with 507 and a clear message while item saves and reads keep working', async () => {
    const ids = await createOpenCampaign(t, { deadline: SYSTEM_CLOCK_DEADLINE });
    const rep = await t.as('rep_c1');
    const url = `/api/v1/units/${t.unit('C1')}/evidence`;
    expect((await rep.upload(url, 'nhỏ.pdf', pdf('vừa đủ'))).statusCode).toBe(201);
    const full = await rep.upload(url, 'lớn.pdf', Buffer.concat([pdf('quá lớn'), Buffer.alloc(8192, 1)]));
    expect(full.statusCode).toBe(507);
    expect(full.json().error.code).toBe('STORAGE_FULL');
    expect(full.json().error.message).toContain('hết dung lượng');
    expect(files()).toHaveLength(1); // the accepted file only; no spool left behind

    const item = await rep.put(`/api/v1/assessments/${ids.assessments.C1}/items/1.2`, {
      inputs: { yes: true },
      explanation: 'Vẫn lưu được khi kho đầy',
      version: 0,
    });
    expect(item.statusCode, item.body).toBe(200);
    const read = await rep.get(`/api/v1/assessments/${ids.assessments.C1}`);
    expect(read.statusCode).toBe(200);
    expect(
      (read.json().items as { code: string; explanation: string }[]).find((i) => i.code === '1.2')!.explanation,
    ).toBe('Vẫn lưu được khi kho đầy');
    expect((await rep.get(url)).statusCode).toBe(200);
  });
});
