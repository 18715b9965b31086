// The hourly audit checkpoint (app/audit/checkpoints.ts): one job per hour across all processes
// (the job key is the hour), skipped by the writer when no chain changed since the last checkpoint.
import type { Db } from '../../db/client.ts';
import { enqueueJob } from './queue.ts';

export const AUDIT_CHECKPOINT_JOB = 'audit.checkpoint';

/** Enqueues this hour's checkpoint once (the key makes a second enqueue, by any process, a no-op). */
export async function scheduleAuditCheckpoint(db: Db, now: Date): Promise<void> {
  const hour = now.toISOString().slice(0, 13);
  await enqueueJob(db, {
    kind: AUDIT_CHECKPOINT_JOB,
    payload: { hour },
    key: `${AUDIT_CHECKPOINT_JOB}:${hour}`,
    runAt: now,
  });
}
