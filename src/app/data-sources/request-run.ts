// "Chạy ngay": the DX office asks for a pull of one period into one campaign (the source's by default).
// The run is recorded at once (queued) and executed by the job worker (run-pull.ts), so a slow source
// never holds a request. The scheduler (schedule-pulls.ts) enqueues the same job for scheduled sources.
import { currentPeriod, formatPeriod, parsePeriod, type PeriodKind } from '../../core/data-sources/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { findReadableCampaign } from '../../db/queries/campaigns.ts';
import { insertRun, setRunJob } from '../../db/queries/data-sources.ts';
import { OperationError } from '../errors.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { presentRun } from './present-source.ts';
import { type SourceWho, loadSourceForManage, requireOfficeOver } from './source-access.ts';

export const DATA_SOURCE_PULL_JOB = 'data_source.pull';
export interface PullPayload {
  runId: string;
}

const invalid = (path: string, message: string) =>
  new OperationError('VALIDATION_FAILED', message, { issues: [{ path, message }] });

/** Records a queued run and enqueues its job, in the caller's transaction. */
export async function enqueuePull(
  tx: Db,
  r: {
    sourceId: string;
    campaignId: string;
    period: string;
    trigger: 'manual' | 'schedule';
    requestedBy: string | null;
    now: Date;
    key?: string;
  },
) {
  const run = await insertRun(tx, {
    sourceId: r.sourceId,
    campaignId: r.campaignId,
    period: r.period,
    trigger: r.trigger,
    requestedBy: r.requestedBy,
    createdAt: r.now,
  });
  const jobId = await enqueueJob(tx, {
    kind: DATA_SOURCE_PULL_JOB,
    payload: { runId: run.id } satisfies PullPayload,
    runAt: r.now,
    ...(r.key ? { key: r.key } : {}),
  });
  if (!jobId) return null; // the scheduled run of this date already exists (another process enqueued it)
  return setRunJob(tx, run.id, jobId);
}

export async function requestRun(
  db: Db,
  o: {
    who: SourceWho;
    sourceId: string;
    input: { period?: string | undefined; campaignId?: string | undefined };
    now: Date;
  },
) {
  const { who, sourceId, input, now } = o;
  return db.transaction(async (tx) => {
    const s = await loadSourceForManage(tx, who, sourceId);
    const period = input.period ? parsePeriod(input.period) : currentPeriod(s.source.periodKind as PeriodKind, now);
    if (!period) throw invalid('/period', 'Kỳ số liệu phải có dạng 2026, 2026-Q3 hoặc 2026-09.');
    const campaignId = input.campaignId ?? s.source.campaignId;
    if (!campaignId) throw invalid('/campaignId', 'Cần chọn kỳ đánh giá nhận số liệu.');
    const c = await findReadableCampaign(tx, who.actor, campaignId);
    if (!c) throw invalid('/campaignId', 'Không tìm thấy kỳ đánh giá.');
    requireOfficeOver(who.actor, { id: c.campaign.ownerUnitId, path: c.ownerPath });
    const run = await enqueuePull(tx, {
      sourceId,
      campaignId,
      period: formatPeriod(period),
      trigger: 'manual',
      requestedBy: who.userId,
      now,
    });
    await writeAudit(tx, who.audit, {
      action: 'data_source.run',
      objectType: 'data_source',
      objectId: sourceId,
      unitId: s.source.ownerUnitId,
      after: { runId: run!.id, campaignId, period: run!.period },
    });
    return presentRun(run!);
  });
}
