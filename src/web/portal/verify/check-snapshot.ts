// Checks a published snapshot file (snapshot.json) in the browser, with nothing but WebCrypto: the same
// three checks as `thuocdo verify` (app/publication/snapshot-file.ts), with the same problem codes.
// - the digest: SHA-256 (hex) of the canonical JSON of the payload (core/audit/canonical-json.ts, the
//   very function the server hashed with) equals the file's `digest`;
// - the signature: Ed25519 over the 32 digest bytes, with the public key in the file;
// - the key: its id is SHA-256 (hex) of the raw 32-byte key (signing-key.ts keyIdOf), it is the file's
//   `keyId`, and it is one of the keys the deployment publishes (GET /api/v1/signing-keys) — otherwise
//   anyone could alter the content and sign it with a key of their own. That last code is the CLI's
//   KEY_NOT_PINNED: the published keys play the part of `--key`.
// Nothing here reads the network or the page: the caller passes the file text and the published keys.
import { canonicalJson } from '../../../core/audit/canonical-json.ts';

export type SnapshotProblem =
  | 'INVALID_FILE'
  | 'DIGEST_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'KEY_ID_MISMATCH'
  | 'KEY_NOT_PINNED';

export interface PublishedKey {
  id: string;
  publicKeyPem: string;
}

export interface BrowserSnapshotCheck {
  valid: boolean;
  problems: SnapshotProblem[];
  /** Each check passed (true), failed (false) or could not be made because the file is not a snapshot (null). */
  digestMatches: boolean | null;
  signatureValid: boolean | null;
  keyPublished: boolean | null;
  digest: string | null;
  computedDigest: string | null;
  keyId: string | null;
  campaignId: string | null;
  version: number | null;
  publishedAt: string | null;
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

function hexBytes(text: string): Uint8Array | null {
  if (!/^[0-9a-fA-F]{64}$/.test(text)) return null;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function base64Bytes(text: string): Uint8Array | null {
  try {
    const bin = atob(text.replace(/\s+/g, ''));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The DER bytes of a PEM "PUBLIC KEY" block, or null. */
function pemBody(pem: string): Uint8Array | null {
  const m = /-----BEGIN PUBLIC KEY-----([\s\S]+?)-----END PUBLIC KEY-----/.exec(pem);
  return m ? base64Bytes(m[1]!) : null;
}

/** The Ed25519 key of a PEM, with its id (SHA-256 hex of the raw 32 bytes); null when it is not one. */
async function importEd25519(subtle: SubtleCrypto, pem: string): Promise<{ key: CryptoKey; id: string } | null> {
  const der = pemBody(pem);
  if (!der) return null;
  try {
    const key = await subtle.importKey('spki', der as BufferSource, { name: 'Ed25519' }, true, ['verify']);
    const raw = await subtle.exportKey('raw', key);
    return { key, id: hex(await subtle.digest('SHA-256', raw)) };
  } catch {
    return null;
  }
}

export async function sha256Hex(subtle: SubtleCrypto, text: string): Promise<string> {
  return hex(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/**
 * The verdict on a snapshot file's text. `publishedKeys` is the deployment's list; `subtle` defaults to
 * the browser's (globalThis.crypto.subtle, also Node's).
 */
export async function checkSnapshotText(
  text: string,
  publishedKeys: readonly PublishedKey[],
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<BrowserSnapshotCheck> {
  const verdict: BrowserSnapshotCheck = {
    valid: false,
    problems: ['INVALID_FILE'],
    digestMatches: null,
    signatureValid: null,
    keyPublished: null,
    digest: null,
    computedDigest: null,
    keyId: null,
    campaignId: null,
    version: null,
    publishedAt: null,
  };
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch {
    return verdict;
  }
  if (doc === null || typeof doc !== 'object') return verdict;
  const { digest, signature, publicKeyPem, keyId, payload } = doc;
  if (
    typeof digest !== 'string' ||
    typeof signature !== 'string' ||
    typeof publicKeyPem !== 'string' ||
    typeof payload !== 'object' ||
    payload === null
  )
    return verdict;
  verdict.digest = digest;
  verdict.keyId = typeof keyId === 'string' ? keyId : null;
  verdict.campaignId = typeof doc.campaignId === 'string' ? doc.campaignId : null;
  verdict.version = typeof doc.version === 'number' ? doc.version : null;
  verdict.publishedAt = typeof doc.publishedAt === 'string' ? doc.publishedAt : null;

  // The order and codes of `thuocdo verify`: the key, then the digest, then the signature.
  const problems: SnapshotProblem[] = [];
  const embedded = await importEd25519(subtle, publicKeyPem);
  if (!embedded || embedded.id !== keyId) problems.push('KEY_ID_MISMATCH');
  // Published: a key of the list whose own id (recomputed, not taken from the list) is the embedded key's.
  let published = false;
  if (embedded && embedded.id === keyId) {
    for (const k of publishedKeys) {
      if (k.id !== embedded.id) continue;
      const listed = await importEd25519(subtle, k.publicKeyPem);
      if (listed?.id === embedded.id) published = true;
    }
  }
  verdict.keyPublished = published;
  if (!published) problems.push('KEY_NOT_PINNED');

  verdict.computedDigest = await sha256Hex(subtle, canonicalJson(payload));
  verdict.digestMatches = verdict.computedDigest === digest.toLowerCase();
  if (!verdict.digestMatches) problems.push('DIGEST_MISMATCH');

  const digestBytes = hexBytes(digest);
  const signatureBytes = base64Bytes(signature);
  let signatureValid = false;
  if (embedded && digestBytes && signatureBytes) {
    try {
      signatureValid = await subtle.verify(
        { name: 'Ed25519' },
        embedded.key,
        signatureBytes as BufferSource,
        digestBytes as BufferSource,
      );
    } catch {
      signatureValid = false;
    }
  }
  verdict.signatureValid = signatureValid;
  if (!signatureValid) problems.push('SIGNATURE_INVALID');

  verdict.problems = problems;
  verdict.valid = problems.length === 0;
  return verdict;
}

/** Any valid Ed25519 public key (SPKI DER), to ask the browser whether it knows the algorithm at all. */
const PROBE_KEY = 'MCowBQYDK2VwAyEA0T1Pg4EMRds5v+SXpgOV9lV5NVXcjDH0G6upFoh3izQ=';

/**
 * Whether this browser can check Ed25519 signatures (WebCrypto needs a secure context, and Ed25519 a
 * current browser). Without it the page must say it cannot check, never that the file is invalid.
 */
export async function browserCanVerify(
  subtle: SubtleCrypto | null | undefined = globalThis.crypto?.subtle,
): Promise<boolean> {
  if (!subtle) return false;
  try {
    await subtle.importKey('spki', base64Bytes(PROBE_KEY) as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    return true;
  } catch {
    return false;
  }
}
