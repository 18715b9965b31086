// The single-file verifier a citizen downloads from the portal (GET /api/public/v1/verify-thuocdo.mjs,
// no login) runs with plain `node` from a folder outside the repository — no node_modules, no install —
// on the snapshot.json the portal serves: valid → exit 0 and "HỢP LỆ"; one digit changed → exit 2 (as
// `thuocdo verify`); content re-signed with a key of someone else's → exit 2, because the deployment's
// published key ids are written into the downloaded file.
import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/audit/canonical-json.ts';
import { keyIdOf } from '../../src/app/publication/signing-key.ts';
import { snapshotFileText } from '../../src/app/publication/snapshot-file.ts';
import { type PublishedIds, publishedCampaign } from '../support/published-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let ids: PublishedIds;
let dir: string;
let snapshot: string;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  ids = await publishedCampaign(t, { set: (d: Date) => (now = d) });
  dir = mkdtempSync(join(tmpdir(), 'thuocdo-verify-'));
  snapshot = (await t.anonymous.get(`/api/public/v1/campaigns/${ids.campaignId}/snapshot.json`)).body;
});
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await t.close();
});

/** `node verify-thuocdo.mjs FILE…` in the temporary folder, with an environment that knows nothing of the project. */
function run(...args: string[]) {
  return spawnSync(process.execPath, ['verify-thuocdo.mjs', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '' },
  });
}

describe('verify-thuocdo.mjs, downloaded from the portal', () => {
  it('is served to anyone as a JavaScript download with the published key ids written in', async () => {
    const res = await t.anonymous.get('/api/public/v1/verify-thuocdo.mjs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="verify-thuocdo.mjs"');
    const keys = (await t.anonymous.get('/api/v1/signing-keys')).json().items as { id: string }[];
    expect(keys.map((k) => k.id)).toContain(ids.snapshot.keyId);
    const written = /export const PUBLISHED_KEYS = (\[.*\]);/.exec(res.body)?.[1];
    expect((JSON.parse(written!) as { id: string }[]).map((k) => k.id).sort()).toEqual(keys.map((k) => k.id).sort());
    expect(res.body).toContain(`export const KEYS_LISTED_AT = "${now.toISOString()}";`);
    writeFileSync(join(dir, 'verify-thuocdo.mjs'), res.body);
    writeFileSync(join(dir, 'snapshot.json'), snapshot);
  });

  it('says HỢP LỆ with exit 0 for the snapshot.json the portal serves, every check listed', () => {
    const r = run('snapshot.json');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('HỢP LỆ / VALID');
    expect(r.stdout).toContain('✔ Đạt:       Nội dung khớp mã băm');
    expect(r.stdout).toContain('Chữ ký hợp lệ (Ed25519)');
    expect(r.stdout).toMatch(
      /✔ Đạt: +Khóa ký là khóa do cơ quan vận hành công bố \(đối chiếu với danh sách khóa do cơ quan vận hành công bố \(ngày 17\/11\/2026\)\)/,
    );
    expect(r.stdout).toContain(`Mã băm SHA-256 ghi trong tệp: ${ids.snapshot.digest}`);
  });

  it('says KHÔNG HỢP LỆ with exit 2 once one digit of the content is changed', () => {
    const i = snapshot.indexOf('"finalTotal":') + '"finalTotal":'.length;
    writeFileSync(
      join(dir, 'altered.json'),
      snapshot.slice(0, i) + (snapshot[i] === '9' ? '8' : '9') + snapshot.slice(i + 1),
    );
    const r = run('altered.json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('KHÔNG HỢP LỆ / INVALID');
    expect(r.stderr).toContain('✘ Không đạt: Nội dung khớp mã băm — nội dung đã bị thay đổi sau khi ký');
  });

  it('says KHÔNG HỢP LỆ with exit 2 for altered content re-signed with a key the deployment did not publish', () => {
    const doc = JSON.parse(snapshot) as { payload: { results: unknown[] } } & Record<string, unknown>;
    const payload = { ...doc.payload, results: [] };
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const text = canonicalJson(payload);
    const digest = createHash('sha256').update(text, 'utf8').digest('hex');
    const forged = snapshotFileText(
      {
        campaignId: ids.campaignId,
        version: 1,
        publishedAt: String(doc.publishedAt),
        digest,
        signature: sign(null, Buffer.from(digest, 'hex'), privateKey).toString('base64'),
        keyId: keyIdOf(publicKey),
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      },
      text,
    );
    writeFileSync(join(dir, 'forged.json'), forged);
    const r = run('forged.json');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/✘ Không đạt: Khóa ký là khóa do cơ quan vận hành công bố/);
    expect(r.stderr).toContain('✔ Đạt:       Chữ ký hợp lệ');
  });

  it('answers 1 with the usage for a missing file or no argument, like thuocdo verify', () => {
    expect(run().status).toBe(1);
    const r = run('khong-co.json');
    expect([r.status, r.stderr]).toEqual([1, expect.stringContaining('Không đọc được tệp: khong-co.json')]);
    expect(run('verify-thuocdo.mjs').status).toBe(2); // a file that is not a snapshot: INVALID_FILE
  });
});
