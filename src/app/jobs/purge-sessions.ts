// Hourly clean-up of what authentication leaves behind: sessions past their absolute expiry or idle for
// longer than SESSION_IDLE_MINUTES (they no longer open anything, but they hold a user's address and
// browser), and guessing counters nobody needs any more (core/auth/attempt-throttle.ts). Real time, not
// the business clock: sessions and counters are stamped with it.
import { THROTTLE } from '../../core/auth/attempt-throttle.ts';
import type { Db } from '../../db/client.ts';
import { purgeAttemptCounters } from '../../db/queries/attempt-counters.ts';
import { purgeSessions } from '../../db/queries/sessions.ts';
import { enqueueJob } from './queue.ts';

export const PURGE_SESSIONS_JOB = 'maintenance.purge_sessions';
export const DEFAULT_IDLE_MINUTES = 30;

export interface PurgeResult {
  sessions: number;
  counters: number;
}

/** `now` is real time, not the business clock: sessions and counters are stamped with it. */
export async function runSessionPurge(
  db: Db,
  { idleMinutes, now }: { idleMinutes: number; now: Date },
): Promise<PurgeResult> {
  const sessions = await purgeSessions(db, now, idleMinutes * 60_000);
  const counters = await purgeAttemptCounters(db, now, THROTTLE.knownAddressMs);
  return { sessions, counters };
}

/** Enqueues the purge once per clock hour, whichever process asks first (the job id is the hour's key). */
export async function scheduleSessionPurge(db: Db, { now }: { now: Date }): Promise<void> {
  const hour = now.toISOString().slice(0, 13);
  await enqueueJob(db, { kind: PURGE_SESSIONS_JOB, payload: {}, key: `${PURGE_SESSIONS_JOB}:${hour}`, runAt: now });
}
