// Appends hash-chained entries inside the caller's transaction, so a change and its audit entries commit
// or fail together. There is one chain per unit (entries about no unit go to the 'global' chain): saves
// of different units never wait for each other, which matters on deadline day when thousands of units
// write at once. A transaction-scoped advisory lock per chain serialises its appenders, so a chain's
// order is its commit order. Locks are taken in chain order to rule out deadlocks between transactions.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { canonicalJson } from '../../core/audit/canonical-json.ts';
import type { Db } from '../client.ts';
import { auditLog } from '../schema/audit.ts';

const AUDIT_LOCK_CLASS = 727_001;
export const GENESIS_HASH = '0'.repeat(64);
export const GLOBAL_CHAIN = 'global';

export interface AuditActor {
  id: string | null;
  name: string;
}

export interface AuditEntryInput {
  action: string;
  objectType: string;
  objectId: string;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface AuditContent {
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  objectType: string;
  objectId: string;
  unitId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export function hashAuditEntry(prevHash: string, content: AuditContent): string {
  const canonical = canonicalJson({ ...content, at: content.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export const chainOf = (unitId: string | null | undefined) => unitId ?? GLOBAL_CHAIN;

export async function writeAudit(tx: Db, actor: AuditActor, entry: AuditEntryInput): Promise<void> {
  await writeAuditBatch(tx, actor, [entry]);
}

/** Appends several entries in order (bulk imports, bulk appraisal): one lock statement, one read of the chains' heads. */
export async function writeAuditBatch(tx: Db, actor: AuditActor, entries: readonly AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  const chains = [...new Set(entries.map((e) => chainOf(e.unitId)))].sort();
  const list = sql.join(chains.map((c) => sql`${c}`), sql`, `);
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_CLASS}, hashtext(c)) from (select unnest(array[${list}]::text[]) as c order by 1) locks`);
  const heads = await tx.execute(sql`select distinct on (chain) chain, hash from audit_log where chain in (${list}) order by chain, id desc`);
  const head = new Map<string, string>(
    ((heads as unknown as { rows?: { chain: string; hash: string }[] }).rows ?? (heads as unknown as { chain: string; hash: string }[])).map((r) => [r.chain, r.hash]),
  );
  const at = new Date();
  const rows = entries.map((entry) => {
    const content: AuditContent = {
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      unitId: entry.unitId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      reason: entry.reason ?? null,
    };
    const chain = chainOf(content.unitId);
    const prevHash = head.get(chain) ?? GENESIS_HASH;
    const hash = hashAuditEntry(prevHash, content);
    head.set(chain, hash);
    return { ...content, chain, prevHash, hash };
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(auditLog).values(rows.slice(i, i + 500));
}
