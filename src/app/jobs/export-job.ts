// The "results_export" job: writes an official output (ranking .xlsx, a unit's scorecard .xlsx or PDF,
// the decision annex .docx) into the file store and records where it is. Permission was checked when
// the job was enqueued (POST /campaigns/{id}/exports); the requester is kept in the payload so only
// they can follow and download it. Progress (0…1) is written to the job's `result` while it runs —
// no extra column — and replaced by the file's reference when done.
import { isRankedKind } from '../../core/campaign/index.ts';
import { PassThrough, Readable } from 'node:stream';
import { writeRankingXlsx } from '../../exchange/results/ranking-xlsx.ts';
import { buildScorecard } from '../../exchange/results/scorecard-model.ts';
import { writeScorecardXlsx } from '../../exchange/results/scorecard-xlsx.ts';
import type { Db } from '../../db/client.ts';
import { loadUnitObjections } from '../../db/queries/item-objections.ts';
import { setJobProgress } from '../../db/queries/jobs.ts';
import type { AppConfig } from '../../infra/config.ts';
import { councilReasons, exportSource } from '../publication/export-source.ts';
import { exportCampaignOf } from '../publication/snapshot-view.ts';
import { derivedRankings } from '../publication/derived-ranking.ts';
import { todayInVietnam } from '../presenters/org-unit.ts';
import { createFileStore } from '../../infra/storage/create-file-store.ts';
import type { FileStore } from '../../infra/storage/file-store.ts';
import type { ClaimedJob } from './queue.ts';

export const EXPORT_JOB = 'results_export';
import { EXPORT_KINDS, type ExportKind } from '../../contract/exports.ts';
export { EXPORT_KINDS, type ExportKind };

// The two writers whose libraries are slow to load (docx, pdfkit with its fonts: ~0.3 s of a cold start
// of `thuocdo start`), imported when an export first needs them (exceljs likewise: exceljs-module.ts).
const annexDocx = () => import('../../exchange/results/annex-docx.ts');
const scorecardPdf = () => import('../../exchange/results/scorecard-pdf.ts');

export interface ExportPayload {
  campaignId: string;
  kind: ExportKind;
  unitId?: string;
  requestedBy: string;
}

export interface ExportResult {
  progress: 1;
  sha256: string;
  size: number;
  fileName: string;
  contentType: string;
  downloadUrl: string;
}

const TYPES: Record<ExportKind, string> = {
  ranking_xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  scorecard_xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  scorecard_pdf: 'application/pdf',
  annex_docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

async function setProgress(db: Db, jobId: string, progress: number): Promise<void> {
  await setJobProgress(db, jobId, Math.round(progress * 100) / 100);
}

export async function runExportJob(
  ctx: { db: Db; config: AppConfig; clock: () => Date; fileStore?: FileStore },
  payload: ExportPayload,
  job: ClaimedJob,
): Promise<ExportResult> {
  const store = ctx.fileStore ?? createFileStore(ctx.config);
  await setProgress(ctx.db, job.id, 0);
  const { view, published } = await exportSource(ctx.db, payload.campaignId);
  // A published campaign on a former structure: the ranking also as today's units (issue 15 §2).
  const c =
    published && payload.kind === 'ranking_xlsx' && isRankedKind(view.payload.campaign.kind)
      ? { ...exportCampaignOf(view), derived: await derivedRankings(ctx.db, view, todayInVietnam(ctx.clock())) }
      : exportCampaignOf(view);
  const year = view.payload.campaign.year;
  // A progress round's documents are progress reports, named so (ranking-applies.ts).
  const report = !isRankedKind(view.payload.campaign.kind);
  let source: Readable;
  let fileName: string;
  if (payload.kind === 'ranking_xlsx' || payload.kind === 'annex_docx') {
    if (payload.kind === 'ranking_xlsx') {
      const out = new PassThrough();
      let last = 0;
      writeRankingXlsx(c, out, async (done, total) => {
        // A write per ~10 %: progress without turning the export into a stream of updates.
        if (total > 0 && done / total - last >= 0.1) {
          last = done / total;
          await setProgress(ctx.db, job.id, 0.95 * last);
        }
      }).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
      source = out;
      fileName = report ? `Bao-cao-tien-do-DTI-${year}.xlsx` : `Bang-xep-hang-DTI-${year}.xlsx`;
    } else {
      // The campaign owner's approval signs the annex (a district's own approvals sign its own part).
      const owned = view.payload.approvals.filter((x) => x.authorityUnitId === view.payload.campaign.owner.id);
      const a = owned.at(-1) ?? view.payload.approvals.at(-1);
      const { writeAnnexDocx } = await annexDocx();
      source = Readable.from(
        await writeAnnexDocx(c, {
          decisionNumber: a?.decisionNumber ?? null,
          decisionDate: a?.decisionDate ?? null,
          signerName: a?.signer ?? null,
          signerPosition: a?.signerPosition ?? null,
        }),
      );
      fileName = report ? `Phu-luc-bao-cao-tien-do-DTI-${year}.docx` : `Phu-luc-ket-qua-DTI-${year}.docx`;
    }
  } else {
    const hit = payload.unitId ? view.unitIndex.get(payload.unitId) : undefined;
    if (!hit) throw new Error('Đơn vị không có kết quả trong kỳ đánh giá này.');
    const card = buildScorecard(
      c,
      hit.group,
      hit.row,
      hit.group.group.framework.nodes,
      await councilReasons(ctx.db, payload.campaignId, payload.unitId!),
      await loadUnitObjections(ctx.db, payload.campaignId, payload.unitId!),
    );
    const pdf = payload.kind === 'scorecard_pdf';
    source = Readable.from(pdf ? await (await scorecardPdf()).writeScorecardPdf(card) : await writeScorecardXlsx(card));
    fileName = `Phieu-ket-qua-${hit.row.unit.code}-${year}.${pdf ? 'pdf' : 'xlsx'}`;
  }
  const stored = await store.put(source);
  return {
    progress: 1,
    sha256: stored.sha256,
    size: stored.size,
    fileName,
    contentType: TYPES[payload.kind],
    downloadUrl: `/api/v1/exports/${job.id}/download`,
  };
}
