// Verifying a published snapshot with nothing but its text, digest, signature and the published public
// key: digest = SHA-256 (hex) of the canonical JSON of the payload; signature = Ed25519 over the 32
// digest bytes (base64). Used by the API tests and by `thuocdo verify FILE`.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { canonicalJson, canonicalJsonPieces } from '../../core/audit/canonical-json.ts';

export interface SnapshotVerification {
  valid: boolean;
  digestMatches: boolean;
  signatureValid: boolean;
  computedDigest: string;
}

export function snapshotDigest(payload: unknown): { text: string; digest: string } {
  const text = canonicalJson(payload);
  return { text, digest: createHash('sha256').update(text, 'utf8').digest('hex') };
}

/**
 * The digest of a (possibly national-size: 35 MB for 4,000 units × 100 items, ~2 s) payload, hashed piece
 * by piece with a pause for the event loop every ~10 ms, so the server keeps answering meanwhile.
 */
export async function snapshotDigestAsync(payload: unknown): Promise<string> {
  const hash = createHash('sha256');
  let buffer = '';
  let since = performance.now();
  for (const piece of canonicalJsonPieces(payload)) {
    buffer += piece;
    if (buffer.length < 65_536) continue;
    hash.update(buffer, 'utf8');
    buffer = '';
    if (performance.now() - since > 10) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
  hash.update(buffer, 'utf8');
  return hash.digest('hex');
}

/** `payload` as its canonical text, or as the parsed document (canonicalised here). */
export function verifySnapshot(o: {
  payload: string | object;
  digest: string;
  signature: string;
  publicKeyPem: string;
}): SnapshotVerification {
  const { payload, digest, signature, publicKeyPem } = o;
  const text = typeof payload === 'string' ? canonicalJson(JSON.parse(payload)) : canonicalJson(payload);
  const computedDigest = createHash('sha256').update(text, 'utf8').digest('hex');
  const digestMatches = computedDigest === digest.toLowerCase();
  let signatureValid = false;
  try {
    signatureValid = verify(
      null,
      Buffer.from(digest, 'hex'),
      createPublicKey(publicKeyPem),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    signatureValid = false;
  }
  return { valid: digestMatches && signatureValid, digestMatches, signatureValid, computedDigest };
}
