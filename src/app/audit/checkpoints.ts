// Audit checkpoints (db/schema/audit-checkpoints.ts): written by the hourly job, by `thuocdo audit
// checkpoint` and after each publication; read by `thuocdo audit verify` and the restore check. One
// statement reads every chain's count, last id and head (readChainHeads), so the checkpoint is a
// consistent cut.
import { createHash, sign, verify } from 'node:crypto';
import { canonicalJson } from '../../core/audit/canonical-json.ts';
import { GENESIS_HASH } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import {
  type ChainAnchor,
  type CheckpointRow,
  checkpointById,
  checkpointSequence,
  insertCheckpoint,
  latestCheckpoint,
  lockCheckpointWriter,
  readChainHeads,
} from '../../db/queries/audit-checkpoints.ts';
import type { KeySecrets } from '../publication/key-secret.ts';
import { activeSigningKey } from '../publication/signing-key.ts';
import { trustedKey } from '../publication/trusted-keys.ts';

export const CHECKPOINT_FORMAT = 'thuocdo-audit-checkpoint/1';

export function checkpointDigest(c: {
  createdAt: string;
  prevDigest: string;
  entries: number;
  chains: readonly ChainAnchor[];
}): string {
  const text = canonicalJson({
    format: CHECKPOINT_FORMAT,
    createdAt: c.createdAt,
    prevDigest: c.prevDigest,
    entries: c.entries,
    chains: c.chains,
  });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface CheckpointWritten {
  id: number;
  digest: string;
  entries: number;
  chains: number;
  /** False when nothing was appended since the previous checkpoint (no new row then). */
  written: boolean;
}

/** Signs and stores the current heads of every chain (skipped when no chain changed since the last one). */
export async function writeAuditCheckpoint(db: Db, secrets: KeySecrets, now: Date): Promise<CheckpointWritten> {
  return db.transaction(async (tx) => {
    await lockCheckpointWriter(tx);
    const previous = await latestCheckpoint(tx);
    const chains = await readChainHeads(tx);
    const entries = chains.reduce((n, c) => n + c.count, 0);
    if (previous && canonicalJson(previous.chains) === canonicalJson(chains)) {
      return { id: previous.id, digest: previous.digest, entries, chains: chains.length, written: false };
    }
    const createdAt = new Date(now.getTime());
    const prevDigest = previous?.digest ?? GENESIS_HASH;
    const digest = checkpointDigest({ createdAt: createdAt.toISOString(), prevDigest, entries, chains });
    const key = await activeSigningKey(tx, secrets, now);
    const signature = sign(null, Buffer.from(digest, 'hex'), key.privateKey).toString('base64');
    const id = await insertCheckpoint(tx, { createdAt, prevDigest, entries, chains, digest, signature, keyId: key.id });
    return { id, digest, entries, chains: chains.length, written: true };
  });
}

export type CheckpointProblem =
  | {
      kind: 'checkpoint_invalid';
      checkpointId: number;
      problem: 'DIGEST_MISMATCH' | 'SIGNATURE_INVALID' | 'KEY_UNKNOWN' | 'KEY_UNTRUSTED';
    }
  /** A checkpoint's prev_digest is not its predecessor's digest: one was removed or altered in between. */
  | { kind: 'checkpoint_sequence_broken'; checkpointId: number };

export interface LatestCheckpoint {
  checkpoint: { id: number; createdAt: string; entries: number; chains: ChainAnchor[] } | null;
  problems: CheckpointProblem[];
}

async function checkRow(db: Db, row: CheckpointRow, secrets: KeySecrets): Promise<CheckpointProblem | null> {
  const createdAt = new Date(row.createdAt).toISOString();
  if (
    checkpointDigest({ createdAt, prevDigest: row.prevDigest, entries: row.entries, chains: row.chains }) !== row.digest
  ) {
    return { kind: 'checkpoint_invalid', checkpointId: row.id, problem: 'DIGEST_MISMATCH' };
  }
  const key = await trustedKey(db, row.keyId, secrets);
  if (!key.trusted) return { kind: 'checkpoint_invalid', checkpointId: row.id, problem: key.problem };
  let valid = false;
  try {
    valid = verify(null, Buffer.from(row.digest, 'hex'), key.publicKeyPem, Buffer.from(row.signature, 'base64'));
  } catch {
    valid = false;
  }
  return valid ? null : { kind: 'checkpoint_invalid', checkpointId: row.id, problem: 'SIGNATURE_INVALID' };
}

/**
 * The newest checkpoint whose digest, signature and key hold (newer ones that fail are reported), and
 * the breaks in the sequence of checkpoints. Only the anchor's chains are loaded in full.
 */
export async function latestVerifiedCheckpoint(db: Db, secrets: KeySecrets): Promise<LatestCheckpoint> {
  const problems: CheckpointProblem[] = [];
  const sequence = await checkpointSequence(db);
  let expected = GENESIS_HASH;
  for (const s of sequence) {
    if (s.prevDigest !== expected) problems.push({ kind: 'checkpoint_sequence_broken', checkpointId: s.id });
    expected = s.digest;
  }
  for (const { id } of [...sequence].reverse()) {
    const row = await checkpointById(db, id);
    if (!row) continue;
    const problem = await checkRow(db, row, secrets);
    if (problem) {
      problems.push(problem);
      continue;
    }
    return {
      checkpoint: {
        id: row.id,
        createdAt: new Date(row.createdAt).toISOString(),
        entries: row.entries,
        chains: row.chains,
      },
      problems,
    };
  }
  return { checkpoint: null, problems };
}
