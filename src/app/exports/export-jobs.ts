// Official outputs as jobs: who may ask for one (the DX office, the campaign's council — members, chair,
// support team — and viewers reaching the campaign owner: the people who see results before publication),
// and a job as its requester sees it. A job is visible only to the account that asked for it (else 404).
import { campaignAbilities, holdsRoleOver } from '../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import { loadGroupsOf, myMemberships } from '../../db/queries/appraisal-bodies.ts';
import { type ExportJobRow, findJobOfKind, unitTakesPart } from '../../db/queries/export-jobs.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { loadAppraisalCampaign, ownerRefOf } from '../appraisal/campaign-appraisal-access.ts';
import { campaignRefOf } from '../campaigns/campaign-access.ts';
import { OperationError, notFound } from '../errors.ts';
import { EXPORT_JOB, type ExportKind, type ExportPayload, type ExportResult } from '../jobs/export-job.ts';
import { enqueueJob } from '../jobs/queue.ts';

type JobRow = ExportJobRow<ExportPayload, Partial<ExportResult> & { progress?: number }>;
export type ExportJobStatus = 'queued' | 'running' | 'done' | 'failed';

async function authorizeExport(db: Db, actor: ScopedActor, campaignId: string) {
  const c = await loadAppraisalCampaign(db, { actor, campaignId });
  if (
    c.viaMembership ||
    campaignAbilities(actor, campaignRefOf(c)).viewProgress ||
    holdsRoleOver(actor, ['viewer', 'dx_office'], ownerRefOf(c))
  )
    return c;
  if (
    (
      await myMemberships(
        db,
        actor.userId,
        (await loadGroupsOf(db, campaignId)).map((g) => g.id),
      )
    ).size > 0
  )
    return c;
  throw new OperationError(
    'FORBIDDEN',
    'Chỉ cơ quan chuyên trách, Hội đồng thẩm định và người theo dõi của cơ quan chủ trì được xuất kết quả.',
  );
}

export async function requestExport(
  db: Db,
  {
    who,
    campaignId,
    input,
    now,
  }: {
    who: { userId: string; actor: ScopedActor };
    campaignId: string;
    input: { kind: ExportKind; unitId?: string | undefined };
    /** The server clock: the job is due from then. */
    now: Date;
  },
): Promise<string> {
  const c = await authorizeExport(db, who.actor, campaignId);
  const { kind, unitId } = input;
  if (kind.startsWith('scorecard')) {
    if (!unitId)
      throw new OperationError('VALIDATION_FAILED', 'Phiếu kết quả cần chọn đơn vị.', {
        issues: [{ path: '/unitId', message: 'Bắt buộc với phiếu kết quả' }],
      });
    if (!(await unitTakesPart(db, c.campaign.id, unitId))) throw notFound('Đơn vị không tham gia kỳ đánh giá này.');
  }
  const payload: ExportPayload = {
    campaignId: c.campaign.id,
    kind,
    ...(unitId && kind.startsWith('scorecard') ? { unitId } : {}),
    requestedBy: who.userId,
  };
  return (await enqueueJob(db, { kind: EXPORT_JOB, payload, runAt: now }))!;
}

export async function loadOwnExportJob(db: Db, id: string, userId: string): Promise<JobRow> {
  const job = await findJobOfKind<JobRow['payload'], NonNullable<JobRow['result']>>(db, id, EXPORT_JOB);
  if (!job || job.payload?.requestedBy !== userId) throw notFound('Không tìm thấy việc xuất tệp.');
  return job;
}

/** Running while a worker holds the job's lease (`locked_until`, set by the job runtime's clock) past `now`. */
export function exportJobStatus(j: JobRow, now: Date): ExportJobStatus {
  if (j.done_at) return j.result?.sha256 ? 'done' : 'failed';
  return j.attempts > 0 && j.locked_until && new Date(j.locked_until) > now ? 'running' : 'queued';
}

/** The job as its requester's progress view shows it. */
export async function readExportJob(db: Db, { id, userId, now }: { id: string; userId: string; now: Date }) {
  const j = await loadOwnExportJob(db, id, userId);
  const status = exportJobStatus(j, now);
  const r = j.result;
  return {
    id: j.id,
    kind: j.payload.kind,
    status,
    progress: status === 'done' ? 1 : (r?.progress ?? 0),
    result:
      status === 'done' && r?.downloadUrl
        ? { downloadUrl: r.downloadUrl, fileName: r.fileName!, size: r.size!, contentType: r.contentType! }
        : null,
    error: status === 'failed' || (status === 'queued' && j.last_error) ? j.last_error : null,
  };
}
