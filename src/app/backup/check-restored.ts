// The restore's own verification, run INSIDE its transaction before commit: every published snapshot
// must still hash to its stored digest and carry a valid signature by a key this deployment's
// key-encryption secret opens, and every audit chain must be intact, links and anchors (the latest
// signed checkpoint) alike — the proof that the copy is faithful, not just full. A failure rolls the
// whole restore back (restore.ts).
import type { Db } from '../../db/client.ts';
import { snapshotAfter } from '../../db/queries/snapshots.ts';
import { describeAudit, verifyAudit } from '../audit/verify-anchored.ts';
import type { KeySecrets } from '../publication/key-secret.ts';
import { type SnapshotProblem, verifyStoredSnapshot } from '../publication/snapshot-integrity.ts';

export interface RestoredCheck {
  snapshots: number;
  invalidSnapshots: string[];
  snapshotProblems: { id: string; problems: SnapshotProblem[] }[];
  auditEntries: number;
  auditOk: boolean;
  /** Human lines about the audit log (describeAudit). */
  auditReport: string[];
}

export async function checkRestored(db: Db, secrets: KeySecrets): Promise<RestoredCheck> {
  const bad: { id: string; problems: SnapshotProblem[] }[] = [];
  let count = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  // One snapshot at a time: a payload can be megabytes for a whole country's communes.
  for (;;) {
    const row = await snapshotAfter(db, after);
    if (!row) break;
    count++;
    after = row.id;
    const ref = {
      snapshotId: row.id,
      campaignId: row.campaignId,
      digest: row.digest,
      signature: row.signature,
      keyId: row.keyId,
    };
    const problems = await verifyStoredSnapshot(db, { ref, payload: row.payload, secrets });
    if (problems.length > 0) bad.push({ id: row.id, problems });
  }
  const audit = await verifyAudit(db, secrets);
  return {
    snapshots: count,
    invalidSnapshots: bad.map((b) => b.id),
    snapshotProblems: bad,
    auditEntries: audit.entries,
    auditOk: audit.ok,
    auditReport: describeAudit(audit),
  };
}

export const restoredOk = (c: RestoredCheck) => c.invalidSnapshots.length === 0 && c.auditOk;

const PROBLEM_TEXT: Record<SnapshotProblem, string> = {
  DIGEST_MISMATCH: 'nội dung không khớp mã băm',
  SIGNATURE_INVALID: 'chữ ký sai',
  KEY_UNKNOWN: 'khóa ký không có trong bản sao lưu',
  KEY_UNTRUSTED:
    'khóa ký không mở được bằng bí mật mã hóa khóa hiện có (SESSION_SECRET, hoặc tệp key-encryption.secret của máy nguồn chưa được chép sang)',
};

/** Vietnamese lines naming each failure. */
export function describeRestoredCheck(c: RestoredCheck): string[] {
  return [
    ...c.snapshotProblems.map((s) => `Bản công bố ${s.id}: ${s.problems.map((p) => PROBLEM_TEXT[p]).join('; ')}.`),
    ...(c.auditOk ? [] : c.auditReport),
  ];
}
