// The downloadable snapshot.json: everything needed to check a publication offline — the exact
// canonical payload (embedded verbatim as the last member, so the bytes hashed are the bytes shipped),
// its SHA-256 digest, the Ed25519 signature, the key id and the public key PEM. `checkSnapshotFile` is
// what `thuocdo verify FILE` runs: digest recomputed from the payload, key id recomputed from the key,
// signature checked, optionally against a public key pinned from the deployment's published keys.
import { createPublicKey } from 'node:crypto';
import { keyIdOf } from './signing-key.ts';
import { verifySnapshot } from './verify-snapshot.ts';

export const SNAPSHOT_FILE_FORMAT = 'thuocdo-snapshot/1';

export interface SnapshotFileMeta {
  campaignId: string;
  version: number;
  publishedAt: string;
  digest: string;
  signature: string;
  keyId: string;
  publicKeyPem: string;
}

/** The file text: metadata first, then `"payload":` followed by the canonical payload text untouched. */
export function snapshotFileText(meta: SnapshotFileMeta, payloadText: string): string {
  const head = JSON.stringify({
    format: SNAPSHOT_FILE_FORMAT,
    algorithm: 'Ed25519',
    digestAlgorithm: 'SHA-256',
    ...meta,
  });
  return `${head.slice(0, -1)},"payload":${payloadText}}`;
}

export interface SnapshotFileCheck {
  valid: boolean;
  /** Stable problem codes: INVALID_FILE, DIGEST_MISMATCH, SIGNATURE_INVALID, KEY_ID_MISMATCH, KEY_NOT_PINNED. */
  problems: string[];
  digest: string | null;
  computedDigest: string | null;
  keyId: string | null;
  campaignId: string | null;
  version: number | null;
}

function rawKeyId(pem: string): string | null {
  try {
    return keyIdOf(createPublicKey(pem));
  } catch {
    return null;
  }
}

export function checkSnapshotFile(text: string, pinnedKeyPem?: string): SnapshotFileCheck {
  const empty: SnapshotFileCheck = {
    valid: false,
    problems: ['INVALID_FILE'],
    digest: null,
    computedDigest: null,
    keyId: null,
    campaignId: null,
    version: null,
  };
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch {
    return empty;
  }
  const { digest, signature, publicKeyPem, keyId, payload } = doc;
  if (
    typeof digest !== 'string' ||
    typeof signature !== 'string' ||
    typeof publicKeyPem !== 'string' ||
    typeof payload !== 'object' ||
    payload === null
  )
    return empty;
  const problems: string[] = [];
  const embeddedId = rawKeyId(publicKeyPem);
  if (!embeddedId || embeddedId !== keyId) problems.push('KEY_ID_MISMATCH');
  if (pinnedKeyPem !== undefined && rawKeyId(pinnedKeyPem) !== embeddedId) problems.push('KEY_NOT_PINNED');
  const v = verifySnapshot({ payload, digest, signature, publicKeyPem: pinnedKeyPem ?? publicKeyPem });
  if (!v.digestMatches) problems.push('DIGEST_MISMATCH');
  if (!v.signatureValid) problems.push('SIGNATURE_INVALID');
  return {
    valid: problems.length === 0,
    problems,
    digest,
    computedDigest: v.computedDigest,
    keyId: typeof keyId === 'string' ? keyId : null,
    campaignId: typeof doc.campaignId === 'string' ? doc.campaignId : null,
    version: typeof doc.version === 'number' ? doc.version : null,
  };
}

const MESSAGES: Record<string, [string, string]> = {
  INVALID_FILE: [
    'Tệp không phải bản công bố hợp lệ (thiếu payload, digest, signature hoặc publicKeyPem).',
    'Not a snapshot file (payload, digest, signature or publicKeyPem missing).',
  ],
  DIGEST_MISMATCH: [
    'Mã băm SHA-256 tính lại KHÔNG khớp: nội dung đã bị thay đổi.',
    'Recomputed SHA-256 does NOT match: the content was altered.',
  ],
  SIGNATURE_INVALID: [
    'Chữ ký Ed25519 KHÔNG hợp lệ với khóa công khai.',
    'The Ed25519 signature does NOT verify with the public key.',
  ],
  KEY_ID_MISMATCH: [
    'Mã khóa (keyId) không khớp với khóa công khai kèm theo.',
    'keyId does not match the embedded public key.',
  ],
  KEY_NOT_PINNED: [
    'Khóa công khai trong tệp KHÁC khóa được chỉ định (--key).',
    'The embedded public key differs from the pinned key (--key).',
  ],
};

/** Human report, Vietnamese then English, one problem per line. */
export function describeCheck(c: SnapshotFileCheck): string[] {
  if (c.valid) {
    return [
      `HỢP LỆ — bản công bố phiên bản ${c.version ?? '?'} của kỳ đánh giá ${c.campaignId ?? '?'}: mã băm khớp, chữ ký Ed25519 đúng.`,
      `VALID — snapshot version ${c.version ?? '?'} of campaign ${c.campaignId ?? '?'}: digest matches, Ed25519 signature verifies.`,
      `SHA-256: ${c.digest}`,
      `Khóa / Key: ${c.keyId}`,
    ];
  }
  return [
    'KHÔNG HỢP LỆ / INVALID',
    ...c.problems.flatMap((p) => MESSAGES[p] ?? [p]),
    ...(c.digest && c.computedDigest
      ? [`SHA-256 công bố / published: ${c.digest}`, `SHA-256 tính lại / recomputed: ${c.computedDigest}`]
      : []),
  ];
}
