// The portal's in-browser check of a snapshot file (WebCrypto, the same as in Chromium/Firefox/Safari):
// a file signed exactly as the server signs one is valid; one changed byte of its content, a different
// signing key, a key the deployment does not publish or a file that is not a snapshot are not — each with
// the problem code `thuocdo verify` gives for it.
import { type KeyObject, createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/audit/canonical-json.ts';
import { keyIdOf } from '../../../src/app/publication/signing-key.ts';
import { checkSnapshotFile, snapshotFileText } from '../../../src/app/publication/snapshot-file.ts';
import { browserCanVerify, checkSnapshotText } from '../../../src/web/portal/verify/check-snapshot.ts';

const payload = {
  version: 1,
  campaign: { id: 'c1', name: 'Đánh giá DTI cấp xã năm 2025', year: 2025 },
  publishedAt: '2026-03-01T02:00:00.000Z',
  results: [
    { unit: { code: 'HT.001', name: 'Xã Cẩm Bình' }, finalTotal: 812.5, percent: 81.25, band: 'Tốt', rank: 1 },
    {
      unit: { code: 'HT.002', name: 'Phường Thạch Linh' },
      finalTotal: 640,
      percent: 64,
      band: 'Khá',
      rank: 2,
      note: null,
    },
  ],
};

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey,
    privateKey,
    id: keyIdOf(publicKey),
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** A snapshot.json as the server writes it (routes/public/open-data.ts), signed with `signer`. */
function signedFile(signer: { privateKey: KeyObject; id: string; pem: string }, body: unknown = payload): string {
  const text = canonicalJson(body);
  const digest = createHash('sha256').update(text, 'utf8').digest('hex');
  const signature = sign(null, Buffer.from(digest, 'hex'), signer.privateKey).toString('base64');
  return snapshotFileText(
    {
      campaignId: 'c1',
      version: 1,
      publishedAt: '2026-03-01T02:00:00.000Z',
      digest,
      signature,
      keyId: signer.id,
      publicKeyPem: signer.pem,
    },
    text,
  );
}

const deployment = keyPair();
const published = [{ id: deployment.id, publicKeyPem: deployment.pem }];

describe('checkSnapshotText (in the browser)', () => {
  it('accepts a snapshot signed with a published key, as the CLI does', async () => {
    const file = signedFile(deployment);
    const c = await checkSnapshotText(file, published);
    expect(c).toMatchObject({
      valid: true,
      problems: [],
      digestMatches: true,
      signatureValid: true,
      keyPublished: true,
      keyId: deployment.id,
      campaignId: 'c1',
      version: 1,
    });
    expect(c.computedDigest).toBe(c.digest);
    expect(checkSnapshotFile(file, deployment.pem).valid).toBe(true);
  });

  it('rejects the file after one byte of its content is changed (812.5 → 812.6)', async () => {
    const file = signedFile(deployment).replace('812.5', '812.6');
    const c = await checkSnapshotText(file, published);
    expect(c.valid).toBe(false);
    expect(c.problems).toEqual(['DIGEST_MISMATCH']);
    expect(c).toMatchObject({ digestMatches: false, signatureValid: true, keyPublished: true });
    expect(c.problems).toEqual(checkSnapshotFile(file, deployment.pem).problems);
  });

  it('rejects altered content re-signed with a key of its own (digest and signature consistent, key not published)', async () => {
    const intruder = keyPair();
    const file = signedFile(intruder, { ...payload, results: payload.results.slice(1) });
    const c = await checkSnapshotText(file, published);
    expect(c).toMatchObject({
      valid: false,
      problems: ['KEY_NOT_PINNED'],
      digestMatches: true,
      signatureValid: true,
      keyPublished: false,
    });
    expect(checkSnapshotFile(file, deployment.pem).problems).toContain('KEY_NOT_PINNED');
  });

  it("rejects a signature made by another key than the file's (wrong key)", async () => {
    const other = keyPair();
    const genuine = JSON.parse(signedFile(deployment)) as Record<string, unknown>;
    const forged = JSON.parse(signedFile(other)) as Record<string, unknown>;
    const file = JSON.stringify({ ...genuine, signature: forged.signature });
    const c = await checkSnapshotText(file, published);
    expect(c).toMatchObject({
      valid: false,
      problems: ['SIGNATURE_INVALID'],
      digestMatches: true,
      signatureValid: false,
      keyPublished: true,
    });
  });

  it('rejects a key id that is not the embedded key', async () => {
    const file = JSON.stringify({ ...(JSON.parse(signedFile(deployment)) as object), keyId: 'a'.repeat(64) });
    const c = await checkSnapshotText(file, published);
    expect(c.problems).toEqual(['KEY_ID_MISMATCH', 'KEY_NOT_PINNED']);
    expect(checkSnapshotFile(file).problems).toEqual(['KEY_ID_MISMATCH']);
  });

  it('trusts a listed key only when its own key has that id (a list entry cannot vouch for another key)', async () => {
    const intruder = keyPair();
    const c = await checkSnapshotText(signedFile(intruder), [{ id: intruder.id, publicKeyPem: deployment.pem }]);
    expect(c.keyPublished).toBe(false);
  });

  it('says INVALID_FILE for text that is not a snapshot', async () => {
    for (const text of ['', 'không phải JSON', '[]', 'null', JSON.stringify({ digest: 'x', payload: {} })]) {
      const c = await checkSnapshotText(text, published);
      expect(c, text).toMatchObject({ valid: false, problems: ['INVALID_FILE'], digestMatches: null });
    }
  });
});

describe('browserCanVerify', () => {
  it('is true where WebCrypto knows Ed25519, false without WebCrypto or without the algorithm', async () => {
    expect(await browserCanVerify()).toBe(true);
    expect(await browserCanVerify(null)).toBe(false);
    const noEd25519 = {
      importKey: () => Promise.reject(new DOMException('Unrecognized name', 'NotSupportedError')),
    } as unknown as SubtleCrypto;
    expect(await browserCanVerify(noEd25519)).toBe(false);
  });
});
