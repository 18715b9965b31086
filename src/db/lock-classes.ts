// Every advisory lock the platform takes, in one table, so no two kinds of lock share a number by accident
// (the framework-code lock and the stored-file lock once both used 727_002). Two-key locks
// (pg_advisory_xact_lock(class, hashtext(key))) and one-key locks (pg_advisory_xact_lock(class)) live in
// different key spaces in PostgreSQL; the numbers are still kept distinct so a reader never has to know that.
export const LOCK_CLASS = {
  /** One audit chain (per unit, or 'global'): its appenders in commit order. */
  auditChain: 727_001,
  /** One stored file (by SHA-256): upload, delete and the start-up reconciliation never race. */
  storedFile: 727_002,
  /** Signing keys: created and re-wrapped one at a time (one key). */
  signingKeys: 727_003,
  /** Audit checkpoints: one writer at a time (one key). */
  auditCheckpoint: 727_004,
  /** One snapshot verification report. */
  verificationReport: 727_005,
  /** One index-set code: two versions of a code are never created at once. */
  frameworkCode: 727_006,
  /** Lineage writes (one key 0): the unit map changes one record at a time. */
  lineage: 727_017,
  /** One campaign's reminder scan: two processes scanning at once never both insert. */
  campaignReminders: 727_101,
} as const;
