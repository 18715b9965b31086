// Recomputes every chain from its first entry and reports the first row (lowest id) whose stored hashes
// do not match — an edited row breaks its own hash, a deleted or inserted row breaks its successor's
// link. Links alone cannot show what happens at a chain's END: its last entries deleted, the whole chain
// deleted, or an entry edited and every later hash recomputed. Given an anchor (the chains of the
// latest signed checkpoint, app/audit/checkpoints.ts), each chain must still hold at least the
// anchored number of entries, with the anchored hash at that position; entries after the anchor are
// verified by their links only, until the next checkpoint covers them.
import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { ChainAnchor } from '../schema/audit-checkpoints.ts';
import { auditLog } from '../schema/audit.ts';
import { GENESIS_HASH, hashAuditEntry } from './write-audit.ts';

export type LinkProblem = 'prev_hash_mismatch' | 'content_hash_mismatch';

export type AuditProblem =
  | { kind: LinkProblem; chain: string; entryId: number }
  /** Every entry of an anchored chain is gone. */
  | { kind: 'chain_deleted'; chain: string; anchored: number }
  /** The chain's last entries are gone: `found` of the `anchored` entries remain. */
  | { kind: 'chain_truncated'; chain: string; anchored: number; found: number }
  /** The entry at the anchored position is not the anchored one: edited and re-hashed, or replaced. */
  | { kind: 'chain_rewritten'; chain: string; position: number; entryId: number };

export interface AuditVerification {
  ok: boolean;
  entries: number;
  chains: number;
  problems: AuditProblem[];
  /** Entries after the anchor (or all, without one): verified by their links only. */
  unanchored: number;
  /** The first broken link (lowest id), as before anchors existed. */
  brokenAt?: number;
  chain?: string;
  reason?: LinkProblem;
}

interface ChainState {
  prev: string;
  count: number;
  broken: boolean;
  anchor?: ChainAnchor;
  /** The entry at the anchored position, once reached. */
  atAnchor?: { id: number; hash: string };
}

export async function verifyAuditChain(
  db: Db,
  options: { anchor?: readonly ChainAnchor[]; batchSize?: number } = {},
): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 5000;
  const anchors = new Map((options.anchor ?? []).map((a) => [a.chain, a]));
  const states = new Map<string, ChainState>();
  const problems: AuditProblem[] = [];
  let cursor = null as { chain: string; id: number } | null;
  let count = 0;
  for (;;) {
    const after: { chain: string; id: number } | null = cursor;
    const rows = await db
      .select()
      .from(auditLog)
      .where(
        after
          ? or(gt(auditLog.chain, after.chain), and(eq(auditLog.chain, after.chain), gt(auditLog.id, after.id)))
          : sql`true`,
      )
      .orderBy(asc(auditLog.chain), asc(auditLog.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      count++;
      cursor = { chain: row.chain, id: row.id };
      let state = states.get(row.chain);
      if (!state)
        states.set(
          row.chain,
          (state = { prev: GENESIS_HASH, count: 0, broken: false, anchor: anchors.get(row.chain) }),
        );
      state.count++;
      if (state.anchor && state.count === state.anchor.count) state.atAnchor = { id: row.id, hash: row.hash };
      if (state.broken) continue;
      let reason: LinkProblem | null = null;
      if (row.prevHash !== state.prev) reason = 'prev_hash_mismatch';
      else {
        const expected = hashAuditEntry(row.prevHash, {
          at: row.at,
          actorId: row.actorId,
          actorName: row.actorName,
          action: row.action,
          objectType: row.objectType,
          objectId: row.objectId,
          unitId: row.unitId,
          before: row.before,
          after: row.after,
          reason: row.reason,
        });
        if (expected !== row.hash) reason = 'content_hash_mismatch';
      }
      if (reason) {
        state.broken = true;
        problems.push({ kind: reason, chain: row.chain, entryId: row.id });
        continue;
      }
      state.prev = row.hash;
    }
  }
  let anchored = 0;
  for (const anchor of anchors.values()) {
    const state = states.get(anchor.chain);
    if (anchor.count === 0) continue;
    if (!state) problems.push({ kind: 'chain_deleted', chain: anchor.chain, anchored: anchor.count });
    else if (state.count < anchor.count)
      problems.push({ kind: 'chain_truncated', chain: anchor.chain, anchored: anchor.count, found: state.count });
    else if (!state.atAnchor || state.atAnchor.hash !== anchor.head || state.atAnchor.id !== anchor.lastId) {
      problems.push({
        kind: 'chain_rewritten',
        chain: anchor.chain,
        position: anchor.count,
        entryId: state.atAnchor?.id ?? anchor.lastId,
      });
    } else anchored += anchor.count;
  }
  const links = problems.filter(
    (p): p is Extract<AuditProblem, { kind: LinkProblem }> =>
      p.kind === 'prev_hash_mismatch' || p.kind === 'content_hash_mismatch',
  );
  const first = links.sort((a, b) => a.entryId - b.entryId)[0];
  return {
    ok: problems.length === 0,
    entries: count,
    chains: states.size,
    problems,
    unanchored: count - anchored,
    ...(first ? { brokenAt: first.entryId, chain: first.chain, reason: first.kind } : {}),
  };
}
