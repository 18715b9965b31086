// Issue 11, finding 13: finished jobs were kept forever — e-mail payloads (addresses, names, texts), export
// requests and the exported files. Now a daily job deletes those finished more than JOB_RETENTION_DAYS ago
// (completed or failed for good), with the files of finished exports nothing else references; queued,
// running and retrying jobs are never touched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedFiles } from '../../src/db/schema/evidence.ts';
import { jobs } from '../../src/db/schema/supply.ts';
import { EXPORT_JOB } from '../../src/app/jobs/export-job.ts';
import { type JobContext, createJobHandlers, createScheduler } from '../../src/app/jobs/handlers.ts';
import { PURGE_JOBS_JOB } from '../../src/app/jobs/purge-jobs.ts';
import { enqueueJob } from '../../src/app/jobs/queue.ts';
import { EMAIL_JOB } from '../../src/app/jobs/send-email.ts';
import { createJobWorker } from '../../src/app/jobs/worker.ts';
import { loadConfig } from '../../src/infra/config.ts';
import { LocalFileStore } from '../../src/infra/storage/local-file-store.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

const now = new Date('2026-11-10T03:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
let t: TestApp;
let store: LocalFileStore;
let root: string;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-purge-'));
  store = new LocalFileStore({ root });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** A job in the given state: finished `doneDaysAgo` days ago (null: not finished), optionally an export of `bytes`. */
async function job(o: {
  kind?: string;
  doneDaysAgo: number | null;
  failed?: boolean;
  bytes?: string;
}): Promise<{ id: string; sha256?: string }> {
  const stored = o.bytes ? await store.put(Readable.from(Buffer.from(o.bytes))) : undefined;
  const payload =
    o.kind === EMAIL_JOB
      ? { to: 'rep_c3@hatinh.gov.vn', subject: 'Nhắc hạn', text: 'Xã Sơn Tây còn 7 ngày' }
      : { requestedBy: t.user('office') };
  const id = (await enqueueJob(t.database.db, { kind: o.kind ?? EXPORT_JOB, payload, runAt: daysAgo(40) }))!;
  if (o.doneDaysAgo !== null) {
    const result = stored ? { progress: 1, sha256: stored.sha256, size: stored.size } : null;
    await t.database.db
      .update(jobs)
      .set({
        doneAt: daysAgo(o.doneDaysAgo),
        attempts: o.failed ? 5 : 1,
        lastError: o.failed ? 'Máy chủ thư không trả lời' : null,
        result,
      })
      .where(eq(jobs.id, id));
  }
  return { id, ...(stored ? { sha256: stored.sha256 } : {}) };
}

const exists = async (id: string) =>
  (await t.database.db.select({ id: jobs.id }).from(jobs).where(eq(jobs.id, id))).length === 1;

describe('purging finished jobs', () => {
  it('a daily job deletes jobs finished more than JOB_RETENTION_DAYS ago with their export files; the rest stays', async () => {
    const oldMail = await job({ kind: EMAIL_JOB, doneDaysAgo: 20 });
    const oldFailedMail = await job({ kind: EMAIL_JOB, doneDaysAgo: 15, failed: true });
    const oldExport = await job({ doneDaysAgo: 30, bytes: 'bảng xếp hạng cũ' });
    const recentMail = await job({ kind: EMAIL_JOB, doneDaysAgo: 2 });
    const recentExport = await job({ doneDaysAgo: 1, bytes: 'bảng xếp hạng mới' });
    const pending = await job({ kind: EMAIL_JOB, doneDaysAgo: null }); // queued 40 days ago, never finished
    // The same bytes exported twice (one export old, one recent), and bytes that are also an evidence file.
    const sharedOld = await job({ doneDaysAgo: 30, bytes: 'cùng nội dung' });
    const sharedRecent = await job({ doneDaysAgo: 3, bytes: 'cùng nội dung' });
    const evidenceBytes = await job({ doneDaysAgo: 30, bytes: 'cũng là minh chứng' });
    await t.database.db
      .insert(storedFiles)
      .values({ sha256: evidenceBytes.sha256!, size: 10, mimeType: 'application/pdf' });

    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      THUOCDO_DATA_DIR: root,
      JOB_RETENTION_DAYS: '14',
      REMINDER_HOUR: '23',
    }); // no reminder scan today
    const ctx: JobContext = {
      db: t.database.db,
      config,
      clock: () => now,
      realClock: () => new Date(),
      fileStore: store,
    };
    await createScheduler(ctx)(now);
    const worker = createJobWorker({ db: t.database.db, handlers: createJobHandlers(ctx), clock: () => now, batch: 1 });
    // Run the purge (and only it: the pending e-mail would need SMTP).
    const [purge] = await t.database.db.select().from(jobs).where(eq(jobs.kind, PURGE_JOBS_JOB));
    expect(purge).toBeDefined();
    await t.database.db.execute(
      sql`update jobs set run_at = ${daysAgo(-1).toISOString()}::timestamptz where id = ${pending.id}::uuid`,
    );
    expect(await worker.runOnce()).toBe(1);
    const [done] = await t.database.db.select().from(jobs).where(eq(jobs.id, purge!.id));
    expect(done!.result).toEqual({ jobs: 5, exportFiles: 1 });

    expect(await exists(oldMail.id)).toBe(false);
    expect(await exists(oldFailedMail.id)).toBe(false);
    expect(await exists(oldExport.id)).toBe(false);
    expect(await exists(sharedOld.id)).toBe(false);
    expect(await exists(evidenceBytes.id)).toBe(false);
    for (const kept of [recentMail, recentExport, pending, sharedRecent]) expect(await exists(kept.id)).toBe(true);
    expect(await store.has(oldExport.sha256!)).toBe(false);
    expect(await store.has(recentExport.sha256!)).toBe(true);
    expect(await store.has(sharedRecent.sha256!)).toBe(true); // still downloadable through the recent export
    expect(await store.has(evidenceBytes.sha256!)).toBe(true); // an evidence file's bytes are never removed
  });

  it('is scheduled once per date, across processes; a download of a purged export is 404', async () => {
    const count = async () =>
      Number(
        (
          await t.database.db
            .select({ n: sql<number>`count(*)::int` })
            .from(jobs)
            .where(eq(jobs.kind, PURGE_JOBS_JOB))
        )[0]!.n,
      );
    const before = await count();
    const ctx: JobContext = {
      db: t.database.db,
      config: { smtp: undefined, publicBaseUrl: undefined, reminderHour: 8 },
      clock: () => now,
      realClock: () => new Date(),
    };
    await Promise.all([createScheduler(ctx)(now), createScheduler(ctx)(now)]);
    expect(await count()).toBe(before); // today's purge exists already
    await createScheduler(ctx)(new Date(now.getTime() + 86_400_000));
    expect(await count()).toBe(before + 1);
    const gone = await job({ doneDaysAgo: 400, bytes: 'rất cũ' });
    await createJobHandlers({ ...ctx, fileStore: store })[PURGE_JOBS_JOB]!(
      {},
      { id: '', kind: PURGE_JOBS_JOB, payload: {}, attempts: 1 },
    );
    const office = await t.as('office');
    expect((await office.get(`/api/v1/jobs/${gone.id}`)).statusCode).toBe(404);
    expect((await office.get(`/api/v1/exports/${gone.id}/download`)).statusCode).toBe(404);
  });
});
