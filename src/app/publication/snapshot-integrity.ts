// A stored snapshot is checked before anything serves it — the portal, the public API, the dashboards,
// the official exports, the year-over-year figures: its payload must hash to its digest, and the digest
// must carry a valid Ed25519 signature by a key of this deployment (trusted-keys.ts). A snapshot that
// fails is never served as valid: callers answer PUBLICATION_UNVERIFIED (or leave it out), and the
// failure is logged and written to the audit log ONCE per stored content, not per request. Cost: the
// signature verdict is kept per snapshot id + digest + signature + key; the digest is recomputed only
// when a payload is loaded, which public-snapshots.ts does once per view (the portal's hot path serves
// from the cached view and pays nothing per request).
import { createHash, verify } from 'node:crypto';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { campaignOwnerUnitId } from '../../db/queries/publication-sources.ts';
import { lockVerificationReport, verificationFailureAudited } from '../../db/queries/snapshots.ts';
import { OperationError } from '../errors.ts';
import type { KeySecrets } from './key-secret.ts';
import { trustedKey } from './trusted-keys.ts';
import { snapshotDigestAsync } from './verify-snapshot.ts';

export type SnapshotProblem = 'DIGEST_MISMATCH' | 'SIGNATURE_INVALID' | 'KEY_UNKNOWN' | 'KEY_UNTRUSTED';
export type SnapshotCheck = { valid: true } | { valid: false; problems: SnapshotProblem[] };

export interface SnapshotRef {
  snapshotId: string;
  campaignId: string;
  digest: string;
  signature: string;
  keyId: string;
}

interface Context {
  secrets: KeySecrets;
  log?: { error(obj: object, msg: string): void };
}

let context: Context | null = null;

/** Set once by buildApp: the secrets that tell the deployment's keys, and where failures are logged. */
export function configureSnapshotIntegrity(c: Context): void {
  context = c;
}

const SYSTEM = { id: null, name: 'system' };
const MAX_ENTRIES = 512;
/** How long a refused snapshot is refused without re-reading its payload (a repaired row is served again after this). */
const REFUSAL_MS = 60_000;

/** Key trust and signature depend only on the stored digest, signature and key: one verdict per fingerprint. */
const signatureVerdicts = new Map<string, Promise<SnapshotProblem[]>>();
const refusals = new Map<string, { until: number; problems: SnapshotProblem[] }>();
const reported = new Set<string>();

const fingerprintOf = (r: SnapshotRef) =>
  createHash('sha256').update(`${r.snapshotId}\n${r.digest}\n${r.signature}\n${r.keyId}`).digest('hex');

function remember<K, V>(map: Map<K, V> | Set<K>, key: K, value?: V): void {
  if (map instanceof Set) map.add(key);
  else map.set(key, value as V);
  while (map.size > MAX_ENTRIES) map.delete(map.keys().next().value as K);
}

export function publicationUnverified(campaignId: string): OperationError {
  return new OperationError(
    'PUBLICATION_UNVERIFIED',
    'Bản công bố kết quả của kỳ đánh giá này không vượt qua kiểm tra toàn vẹn (mã băm hoặc chữ ký số không khớp) nên không được hiển thị. Sự việc đã được ghi vào nhật ký hệ thống.',
    { campaignId },
  );
}

/** The stored content's problems without any cache (the restore check; the cached path below). */
export async function verifyStoredSnapshot(
  db: Db,
  o: { ref: SnapshotRef; payload: unknown; secrets: KeySecrets },
): Promise<SnapshotProblem[]> {
  const { ref, payload, secrets } = o;
  return [...(await signatureProblems(db, ref, secrets)), ...digestProblems(ref, await snapshotDigestAsync(payload))];
}

function digestProblems(ref: SnapshotRef, computedDigest: string): SnapshotProblem[] {
  return computedDigest === ref.digest.toLowerCase() ? [] : ['DIGEST_MISMATCH'];
}

async function signatureProblems(db: Db, ref: SnapshotRef, secrets: KeySecrets): Promise<SnapshotProblem[]> {
  const key = await trustedKey(db, ref.keyId, secrets);
  if (!key.trusted) return [key.problem];
  let valid = false;
  try {
    valid = verify(null, Buffer.from(ref.digest, 'hex'), key.publicKeyPem, Buffer.from(ref.signature, 'base64'));
  } catch {
    valid = false;
  }
  return valid ? [] : ['SIGNATURE_INVALID'];
}

/** A snapshot refused within the last minute: refused again without reading its payload. */
export function recentRefusal(ref: SnapshotRef): SnapshotProblem[] | null {
  const r = refusals.get(fingerprintOf(ref));
  return r && r.until > Date.now() ? r.problems : null;
}

/**
 * The verdict on a snapshot's LOADED payload: its digest is recomputed every time a payload is loaded
 * (a payload edited after an earlier check is caught), the signature verdict is kept per fingerprint.
 */
export async function checkSnapshot(db: Db, ref: SnapshotRef, payload: unknown): Promise<SnapshotCheck> {
  if (!context) throw new Error('snapshot integrity is not configured (configureSnapshotIntegrity)');
  const fingerprint = fingerprintOf(ref);
  // Per secret too: which keys are trusted depends on it (several apps in one test process).
  const verdictKey = `${fingerprint}:${createHash('sha256').update(context.secrets.primary).digest('hex').slice(0, 16)}`;
  let pending = signatureVerdicts.get(verdictKey);
  if (!pending) {
    pending = signatureProblems(db, ref, context.secrets);
    remember(signatureVerdicts, verdictKey, pending);
    pending.catch(() => signatureVerdicts.delete(verdictKey)); // a database error is no verdict
  }
  // Hashed in pieces with pauses (snapshotDigestAsync): a national payload does not stall other requests.
  const computedDigest = await snapshotDigestAsync(payload);
  const problems = [...(await pending), ...digestProblems(ref, computedDigest)];
  if (problems.length === 0) return { valid: true };
  remember(refusals, fingerprint, { until: Date.now() + REFUSAL_MS, problems });
  if (!reported.has(`${fingerprint}:${computedDigest}`)) {
    await report(db, ref, fingerprint, problems, computedDigest);
    remember(reported, `${fingerprint}:${computedDigest}`);
  }
  return { valid: false, problems };
}

/** Throws PUBLICATION_UNVERIFIED unless the loaded payload verifies. */
export async function assertSnapshotValid(db: Db, ref: SnapshotRef, payload: unknown): Promise<void> {
  if (!(await checkSnapshot(db, ref, payload)).valid) throw publicationUnverified(ref.campaignId);
}

/** Logs, and audits once per stored content across requests, processes and restarts. */
async function report(
  db: Db,
  ref: SnapshotRef,
  fingerprint: string,
  problems: SnapshotProblem[],
  computedDigest: string,
): Promise<void> {
  const id = createHash('sha256').update(`${fingerprint}:${computedDigest}`).digest('hex');
  context?.log?.error(
    { snapshotId: ref.snapshotId, campaignId: ref.campaignId, problems, digest: ref.digest, computedDigest },
    'published snapshot failed verification: not served',
  );
  await db.transaction(async (tx) => {
    await lockVerificationReport(tx, id);
    if (await verificationFailureAudited(tx, ref.snapshotId, id)) return;
    const ownerUnitId = await campaignOwnerUnitId(tx, ref.campaignId);
    await writeAudit(tx, SYSTEM, {
      action: 'snapshot.verification_failed',
      objectType: 'snapshot',
      objectId: ref.snapshotId,
      unitId: ownerUnitId ?? null,
      after: {
        campaignId: ref.campaignId,
        digest: ref.digest,
        computedDigest,
        keyId: ref.keyId,
        problems,
        fingerprint: id,
      },
      reason: 'Bản công bố lưu trữ không khớp mã băm hoặc chữ ký số: không được hiển thị.',
    });
  });
}
