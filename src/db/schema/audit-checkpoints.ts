// Anchors of the audit chains: every so often the count, last id and head hash of every chain, signed
// with the deployment's Ed25519 key (the one that signs publications) and stored apart from audit_log.
// `thuocdo audit verify` checks each chain against the latest checkpoint, so a chain cut short, deleted
// or re-hashed after an edit — all invisible to the links alone — is named. Checkpoints are chained too
// (prev_digest), so one removed from the middle of the sequence shows.
import { bigint, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { signingKeys } from './appraisal.ts';

/** One chain as a checkpoint records it: `count` entries, the last with id `lastId` and hash `head`. */
export interface ChainAnchor {
  chain: string;
  count: number;
  lastId: number;
  head: string;
}

export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  /** Digest of the previous checkpoint ('0' × 64 for the first). */
  prevDigest: text('prev_digest').notNull(),
  /** Entries over all chains. */
  entries: integer('entries').notNull(),
  /** ChainAnchor[], ordered by chain. */
  chains: jsonb('chains').$type<ChainAnchor[]>().notNull(),
  /** SHA-256 (hex) of the canonical JSON of {format, createdAt, prevDigest, entries, chains}. */
  digest: text('digest').notNull(),
  /** Ed25519 over the 32 digest bytes (base64). */
  signature: text('signature').notNull(),
  keyId: text('key_id')
    .notNull()
    .references(() => signingKeys.id),
});
