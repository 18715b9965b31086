// Runs one export as a job: POST /campaigns/{id}/exports → poll GET /jobs/{id} every second → download
// GET /exports/{jobId}/download once done. Exposes the job's state for a progress bar.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, downloadFile } from '../../api/client.ts';
import { exportJob, startExport } from '../../api/dashboards.ts';
import type { ExportJob, ExportKind } from '../../../contract/exports.ts';

export interface ExportState {
  kind: ExportKind;
  job: ExportJob | null;
  error: string | null;
}

export function useExportJob(campaignId: string) {
  const [state, setState] = useState<ExportState | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const run = useCallback(
    async (kind: ExportKind, unitId?: string) => {
      window.clearTimeout(timer.current);
      setState({ kind, job: null, error: null });
      try {
        const { jobId } = await startExport(campaignId, kind, unitId);
        const poll = async () => {
          try {
            const job = await exportJob(jobId);
            setState({ kind, job, error: job.status === 'failed' ? (job.error ?? '') : null });
            if (job.status === 'done')
              await downloadFile(`/exports/${jobId}/download`, job.result?.fileName ?? 'ket-qua');
            else if (job.status !== 'failed') timer.current = window.setTimeout(() => void poll(), 1000);
          } catch (e) {
            setState({ kind, job: null, error: e instanceof ApiError ? e.message : String(e) });
          }
        };
        await poll();
      } catch (e) {
        setState({ kind, job: null, error: e instanceof ApiError ? e.message : String(e) });
      }
    },
    [campaignId],
  );

  const download = useCallback(async () => {
    const job = state?.job;
    if (job?.status === 'done') await downloadFile(`/exports/${job.id}/download`, job.result?.fileName ?? 'ket-qua');
  }, [state]);

  const busy = !!state && !state.error && state.job?.status !== 'done';
  return { state, run, download, busy };
}
