// Verifying a published snapshot with nothing but its text, digest, signature and the published public
// key: digest = SHA-256 (hex) of the canonical JSON of the payload; signature = Ed25519 over the 32
// digest bytes (base64). Used by the API tests and by `thuocdo verify FILE`.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { canonicalJson } from '../../core/audit/canonical-json.ts';

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

/** `payload` as its canonical text, or as the parsed document (canonicalised here). */
export function verifySnapshot(payload: string | object, digest: string, signature: string, publicKeyPem: string): SnapshotVerification {
  const text = typeof payload === 'string' ? canonicalJson(JSON.parse(payload)) : canonicalJson(payload);
  const computedDigest = createHash('sha256').update(text, 'utf8').digest('hex');
  const digestMatches = computedDigest === digest.toLowerCase();
  let signatureValid = false;
  try {
    signatureValid = verify(null, Buffer.from(digest, 'hex'), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    signatureValid = false;
  }
  return { valid: digestMatches && signatureValid, digestMatches, signatureValid, computedDigest };
}
