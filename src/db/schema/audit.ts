// Append-only, hash-chained audit log. Each row stores the hash of its predecessor in its chain and the
// SHA-256 of that hash with its own canonical content; `thuocdo audit verify` recomputes every chain and
// reports the first broken link. One chain per unit (plus 'global'), so units never wait for each other.
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    unitId: uuid('unit_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    /** Which chain the entry belongs to: its unit's id, or 'global' for entries about no unit. */
    chain: text('chain').notNull().default('global'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_object_idx').on(t.objectType, t.objectId),
    index('audit_log_unit_idx').on(t.unitId),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_chain_idx').on(t.chain, t.id),
  ],
);
