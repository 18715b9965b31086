// Appends hash-chained entries inside the caller's transaction, so a change and its audit entries commit
// or fail together. There is one chain per unit (entries about no unit go to the 'global' chain): saves
// of different units never wait for each other, which matters on deadline day when thousands of units
// write at once. A transaction-scoped advisory lock per chain serialises its appenders, so a chain's
// order is its commit order. Locks are taken in chain order to rule out deadlocks between transactions.
import { hash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { canonicalJson } from '../../core/audit/canonical-json.ts';
import type { Db } from '../client.ts';
import { LOCK_CLASS } from '../lock-classes.ts';
import { namedStatement, runNamed } from '../prepared.ts';

const AUDIT_LOCK_CLASS = LOCK_CLASS.auditChain;
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

/** An entry's members in code-unit order (canonicalJson's order), each with its `"key":` prefix. */
const CONTENT_KEYS = (
  ['action', 'actorId', 'actorName', 'after', 'at', 'before', 'objectId', 'objectType', 'reason', 'unitId'] as const
).map((key) => [key, `${JSON.stringify(key)}:`] as const);

/**
 * The text an entry's hash covers, after its predecessor's hash and a newline: canonicalJson of the
 * content with `at` as its ISO text, written member by member in the sorted order, as canonicalJson
 * writes an object (undefined members left out) — without building a copy of the content and sorting
 * its keys for every entry (a bulk accept hashes 10,000). test/unit/audit/audit-canonical.test.ts
 * compares it with canonicalJson.
 */
export function auditCanonical(content: AuditContent): string {
  let out = '{';
  for (const [key, prefix] of CONTENT_KEYS) {
    const value = key === 'at' ? content.at.toISOString() : content[key];
    if (value === undefined) continue;
    if (out.length > 1) out += ',';
    out += prefix + canonicalJson(value);
  }
  return out + '}';
}

export function hashAuditEntry(prevHash: string, content: AuditContent): string {
  return hashAuditText(prevHash, auditCanonical(content));
}

/** The hash of an entry whose canonical text (auditCanonical) is `text`. */
function hashAuditText(prevHash: string, text: string): string {
  // One-shot crypto.hash (Node ≥ 20.12) over the same UTF-8 bytes: a fifth of the cost of a Hash object
  // per entry (10,000 entries in a bulk accept; one in every item save).
  return hash('sha256', `${prevHash}\n${text}`, 'hex');
}

export const chainOf = (unitId: string | null | undefined) => unitId ?? GLOBAL_CHAIN;

function contentOf(actor: AuditActor, entry: AuditEntryInput, at: Date): AuditContent {
  return {
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
}

/**
 * One entry: one named statement (appendAuditSql: the chain's lock, its head and the row at once), not the
 * three of writeAuditBatch (lock, heads, rows) — most audited writes append one entry, and on a busy day
 * every round trip waits its turn on both sides. The same row and hash as writeAuditBatch writes
 * (test/api/audit-hash.test.ts).
 */
export async function writeAudit(tx: Db, actor: AuditActor, entry: AuditEntryInput): Promise<void> {
  await runNamed(tx, appendOne, auditSqlParams(actor, entry, new Date()));
}
// appendAuditSql is a function declaration further down (hoisted); the constants it reads are above.
const appendOne = namedStatement<Record<string, never>>('audit_append_one', appendAuditSql(1, 'true'));

/**
 * Appends several entries in order (bulk imports, bulk appraisal): one lock statement, one read of the
 * chains' heads. `at` is the caller's clock (the `now` its writes are stamped with), as appendAuditSql's
 * entries take it: an entry and the rows it describes carry the same time, and a test's fixed clock
 * reaches the log.
 */
export async function writeAuditBatch(
  tx: Db,
  actor: AuditActor,
  entries: readonly AuditEntryInput[],
  at: Date,
): Promise<void> {
  if (entries.length === 0) return;
  const chains = [...new Set(entries.map((e) => chainOf(e.unitId)))].sort();
  const list = sql.join(
    chains.map((c) => sql`${c}`),
    sql`, `,
  );
  await tx.execute(
    sql`select pg_advisory_xact_lock(${AUDIT_LOCK_CLASS}, hashtext(c)) from (select unnest(array[${list}]::text[]) as c order by 1) locks`,
  );
  // Each chain's head by one backward step of audit_log_chain_idx (limit 1 per chain): the cost follows the
  // number of chains, not the log's size. DISTINCT ON over `chain in (…100 chains…)` read every entry of those
  // chains, or the whole log when the planner chose to scan it (a pull of 4,000 units: 40 batches, each
  // slower as the log grew — 0.6 s, then 1.3 s, then 3.8 s a pull on PGlite).
  const heads = await tx.execute(
    sql`select c.chain, (select a.hash from audit_log a where a.chain = c.chain order by a.id desc limit 1) as hash
      from unnest(array[${list}]::text[]) as c(chain)`,
  );
  const head = new Map<string, string>(
    (
      (heads as unknown as { rows?: { chain: string; hash: string | null }[] }).rows ??
      (heads as unknown as { chain: string; hash: string | null }[])
    ).flatMap((r) => (r.hash === null ? [] : [[r.chain, r.hash] as const])),
  );
  if (Number.isNaN(at.getTime())) throw new Error('writeAuditBatch: the audit time is not a valid date');
  // One JSON parameter per 2,000 entries, expanded in their order: far cheaper than binding thirteen
  // parameters per row when a batch holds thousands (a pull of 4,000 units, bulk appraisal). Each entry is
  // hashed after its predecessor in its chain, and its row is the hashed text itself with its place in the
  // chain — as appendAuditSql stores one: every column is read from the text the hash covers (jsonb orders
  // keys itself, so the sorted keys change nothing). The rows are texts joined once, flat, so no object per
  // entry is built a second time and the driver has no concatenated string to copy (issue 15: a pull audits
  // 24,000 figures).
  for (let i = 0; i < entries.length; i += 2000) {
    const end = Math.min(i + 2000, entries.length);
    const rows: string[] = [];
    for (let k = i; k < end; k++) {
      const content = contentOf(actor, entries[k]!, at);
      const chain = chainOf(content.unitId);
      const prevHash = head.get(chain) ?? GENESIS_HASH;
      const text = auditCanonical(content);
      const hash = hashAuditText(prevHash, text);
      head.set(chain, hash);
      const row = `${text.slice(0, -1)},"chain":${JSON.stringify(chain)},"prevHash":"${prevHash}","hash":"${hash}"}`;
      rows.push(k === i ? `[${row}` : row);
    }
    rows[rows.length - 1] += ']';
    // jsonb_to_recordset reads each row's members straight into typed columns (a JSON null is NULL, as
    // the nullif of 'null' did), cheaper than thirteen ->> lookups per row; in the order of the array.
    await tx.execute(sql`insert into audit_log (at, actor_id, actor_name, action, object_type, object_id, unit_id,
        before, after, reason, chain, prev_hash, hash)
      select e."at", e."actorId", e."actorName", e.action, e."objectType", e."objectId", e."unitId", e.before, e.after,
        e.reason, e.chain, e."prevHash", e.hash
      from rows from (jsonb_to_recordset(${rows.join(',')}::jsonb) as ("at" timestamptz, "actorId" uuid, "actorName" text,
        action text, "objectType" text, "objectId" text, "unitId" uuid, before jsonb, after jsonb, reason text, chain text,
        "prevHash" text, hash text)) with ordinality as e
      order by e.ordinality`);
  }
}

/**
 * SQL taking a chain's lock (the key writeAuditBatch takes) inside another statement: the item-save
 * hot path takes it in the statement that reads the assessment, after that row's lock, to spare a
 * round trip. `chain` is an SQL text expression.
 */
export function chainLockSql(chain: string): string {
  return `pg_advisory_xact_lock(${AUDIT_LOCK_CLASS}, hashtext(${chain}))`;
}

/**
 * One entry appended by SQL inside a larger statement, so a write and its audit entry take one round
 * trip: the same row writeAudit stores, with the same hash. There is ONE definition of what is hashed:
 * Node builds auditCanonical(content) (as writeAudit does) and passes that text; PostgreSQL hashes it —
 * sha256() of the predecessor's hash, a newline and the text, over the same UTF-8 bytes Node hashes —
 * and takes every stored column FROM that text (`c->>'actorName'`, `c->'after'`, …). So no column can
 * differ from what its hash covers, and verifyAuditChain (in Node) checks both kinds alike
 * (test/api/audit-hash.test.ts compares them). The head comes from thuocdo_audit_head (migration 0022,
 * decision 0023): it takes the chain's lock and reads with a snapshot taken after it, so the head is the
 * chain's real head even when the statement began before the lock was granted — a statement may run on
 * its own, without a transaction around it. A caller that must order the chain's lock after its own row
 * locks takes it earlier in the statement or the transaction (chainLockSql); taking it again is a no-op.
 * Parameters $first (chain) and $first+1 (canonical text) are auditSqlParams(); nothing is written
 * unless `onlyIf` (an SQL condition) holds.
 */
export function appendAuditSql(first: number, onlyIf: string): string {
  const chain = `$${first}::text`;
  const text = `$${first + 1}::text`;
  return `insert into audit_log (at, actor_id, actor_name, action, object_type, object_id, unit_id, before, after, reason, chain, prev_hash, hash)
    select (e.c->>'at')::timestamptz, (e.c->>'actorId')::uuid, e.c->>'actorName', e.c->>'action', e.c->>'objectType', e.c->>'objectId',
      (e.c->>'unitId')::uuid, nullif(e.c->'before', 'null'::jsonb), nullif(e.c->'after', 'null'::jsonb), e.c->>'reason',
      ${chain}, head.prev, encode(sha256(convert_to(head.prev || chr(10) || ${text}, 'UTF8')), 'hex')
    from (select ${text}::jsonb as c) e,
      (select coalesce(thuocdo_audit_head(${AUDIT_LOCK_CLASS}, ${chain}), '${GENESIS_HASH}') as prev) head
    where ${onlyIf}`;
}

export function auditSqlParams(actor: AuditActor, entry: AuditEntryInput, at: Date): unknown[] {
  const c = contentOf(actor, entry, at);
  return [chainOf(c.unitId), auditCanonical(c)];
}
