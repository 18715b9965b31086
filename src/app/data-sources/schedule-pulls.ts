// Scheduled pulls: every job-worker tick asks which active sources are due — a daily source once per
// Vietnamese date, a monthly one on the first tick of each month — and enqueues one run each, keyed so
// several processes enqueue it once. A scheduled run pulls the source's current period into its campaign.
import { currentPeriod, formatPeriod, type PeriodKind } from '../../core/data-sources/index.ts';
import { vietnamDateOf } from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import { jobExists, scheduledSources } from '../../db/queries/data-sources.ts';
import { jobIdForKey } from '../jobs/queue.ts';
import { DATA_SOURCE_PULL_JOB, enqueuePull } from './request-run.ts';

/** The key of a source's scheduled run for this moment (null: not scheduled). */
export function scheduleKey(sourceId: string, schedule: string, now: Date): string | null {
  const date = vietnamDateOf(now);
  if (schedule === 'daily') return `${DATA_SOURCE_PULL_JOB}:${sourceId}:${date}`;
  if (schedule === 'monthly') return `${DATA_SOURCE_PULL_JOB}:${sourceId}:${date.slice(0, 7)}`;
  return null;
}

export async function scheduleDataSourcePulls(db: Db, now: Date): Promise<number> {
  let enqueued = 0;
  for (const s of await scheduledSources(db)) {
    const key = scheduleKey(s.id, s.schedule, now);
    if (!key) continue;
    if (await jobExists(db, jobIdForKey(key))) continue;
    await db
      .transaction(async (tx) => {
        const run = await enqueuePull(tx, {
          sourceId: s.id,
          campaignId: s.campaignId!,
          period: formatPeriod(currentPeriod(s.periodKind as PeriodKind, now)),
          trigger: 'schedule',
          requestedBy: null,
          now,
          key,
        });
        // Another process enqueued it meanwhile: drop this run record with the transaction.
        if (!run) throw new RollbackQuietly();
        enqueued++;
      })
      .catch((err: unknown) => {
        if (!(err instanceof RollbackQuietly)) throw err;
      });
  }
  return enqueued;
}

class RollbackQuietly extends Error {}
