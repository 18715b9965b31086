// Reminders and the job queue: claims are exclusive across two workers on the same database, a failing
// job retries with backoff and an expired lease is taken over; the daily scan reminds only units that
// have not submitted, once, at the configured days before the deadline (Vietnam calendar), in-app and by
// e-mail through a real SMTP server; "Gửi nhắc nhở ngay"; the notifications API; authorization.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/accounts.ts';
import { jobs, notifications } from '../../src/db/schema/supply.ts';
import { createJobHandlers, createScheduler, type JobContext } from '../../src/app/jobs/handlers.ts';
import { MAX_ATTEMPTS, claimJobs, enqueueJob } from '../../src/app/jobs/queue.ts';
import { createJobBell } from '../../src/app/jobs/job-bell.ts';
import { createJobWorker, startJobWorker } from '../../src/app/jobs/worker.ts';
import { bearer, issueToken } from '../support/bearer.ts';
import { type CampaignIds, addAccount, createOpenCampaign, fillAll } from '../support/campaign-fixture.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

/** 09:00 in Vietnam on 08/11/2026: 7 days before the 15/11 deadline. */
let now = new Date('2026-11-08T02:00:00Z');
let t: TestApp;
let ids: CampaignIds;
let smtp: SmtpSink;
let ctx: JobContext;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ clock: () => now });
  ids = await createOpenCampaign(t);
  await addAccount(t, 'rep_c2', 'unit_reporter', 'C2');
  await addAccount(t, 'lead_c2', 'unit_leader', 'C2');
  // A reporter for every unit under the province (a grant with its subtree): reminded for each unit not submitted.
  await addAccount(t, 'rep_tinh', 'unit_reporter', 'P', true);
  for (const u of ['rep_c2', 'lead_c2', 'rep_c3', 'rep_c1'])
    await t.database.db
      .update(users)
      .set({ email: `${u}@hatinh.gov.vn` })
      .where(eq(users.username, u));
  await fillAll(t, ids.assessments.C1!);
  const submitted = await (await t.as('lead_c1')).post(`/api/v1/assessments/${ids.assessments.C1}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  ctx = {
    db: t.database.db,
    clock: () => now,
    realClock: () => new Date(),
    config: {
      smtp: { host: '127.0.0.1', port: smtp.port, from: 'Thước Đo <khong-tra-loi@hatinh.gov.vn>' },
      publicBaseUrl: 'https://dti.hatinh.gov.vn/',
      reminderHour: 8,
    },
  };
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** Runs every due job (scans, then the e-mails they enqueued) as one worker would. */
async function drain(): Promise<void> {
  const worker = createJobWorker({ db: t.database.db, handlers: createJobHandlers(ctx), clock: () => now });
  while ((await worker.runOnce()) > 0);
}
const notificationsOf = async (username: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, await userId(username)));
async function userId(username: string): Promise<string> {
  const [u] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u!.id;
}

describe('the job queue', () => {
  it('two workers on the same database never run the same job; every job runs once', async () => {
    const ran: string[][] = [[], []];
    for (let i = 0; i < 30; i++)
      await enqueueJob(t.database.db, { kind: 'test.echo', payload: { i }, runAt: new Date(now.getTime() - 1000) });
    const workers = ran.map((log) =>
      createJobWorker({
        db: t.database.db,
        clock: () => now,
        batch: 3,
        handlers: {
          'test.echo': async (p) => (
            log.push(String((p as { i: number }).i)),
            await new Promise((r) => setTimeout(r, 2)),
            p
          ),
        },
      }),
    );
    await Promise.all(
      workers.map(async (w) => {
        while ((await w.runOnce()) > 0);
      }),
    );
    const all = [...ran[0]!, ...ran[1]!];
    expect(all).toHaveLength(30);
    expect(new Set(all).size).toBe(30);
    const [open] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(sql`kind = 'test.echo' and done_at is null`);
    expect(Number(open!.n)).toBe(0);
  });

  it('a failing job is retried with backoff, then closed with its last error; an expired lease is taken over', async () => {
    const id = (await enqueueJob(t.database.db, { kind: 'test.fail', payload: {}, runAt: now }))!;
    let tries = 0;
    let clock = now;
    const worker = createJobWorker({
      db: t.database.db,
      clock: () => clock,
      handlers: {
        'test.fail': async () => {
          tries++;
          throw new Error('máy chủ thư không trả lời');
        },
      },
    });
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await worker.runOnce();
      clock = new Date(clock.getTime() + 3600_000);
    }
    expect(tries).toBe(MAX_ATTEMPTS);
    const [row] = await t.database.db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, lastError: 'máy chủ thư không trả lời' });
    expect(row!.doneAt).not.toBeNull();

    const leased = (await enqueueJob(t.database.db, { kind: 'test.lease', payload: {}, runAt: now }))!;
    const first = await claimJobs(t.database.db, { now, limit: 10, leaseMs: 60_000 });
    expect(first.map((j) => j.id)).toContain(leased);
    expect(
      (await claimJobs(t.database.db, { now: new Date(now.getTime() + 30_000), limit: 10, leaseMs: 60_000 })).map(
        (j) => j.id,
      ),
    ).not.toContain(leased);
    expect(
      (await claimJobs(t.database.db, { now: new Date(now.getTime() + 61_000), limit: 10, leaseMs: 60_000 })).map(
        (j) => j.id,
      ),
    ).toContain(leased);
    await t.database.db.update(jobs).set({ doneAt: now }).where(eq(jobs.id, leased));
  });

  it('a rung bell makes the sleeping loop claim at once, not at its next poll', async () => {
    const bell = createJobBell();
    const ran: string[] = [];
    const loop = startJobWorker({
      db: t.database.db,
      handlers: { 'test.bell': async (p) => void ran.push((p as { n: string }).n) },
      clock: () => now,
      pollMs: 60_000, // a poll would come long after the test's deadline
      bell,
    });
    await new Promise((r) => setTimeout(r, 100)); // the first pass found nothing: asleep now
    await enqueueJob(t.database.db, { kind: 'test.bell', payload: { n: 'first' }, runAt: now });
    bell.ring();
    await expect.poll(() => ran, { timeout: 3000, interval: 20 }).toEqual(['first']);
    // Asleep again after an empty pass: the next ring wakes it again.
    await new Promise((r) => setTimeout(r, 100));
    await enqueueJob(t.database.db, { kind: 'test.bell', payload: { n: 'second' }, runAt: now });
    bell.ring();
    await expect.poll(() => ran, { timeout: 3000, interval: 20 }).toEqual(['first', 'second']);
    await loop.stop();
  });

  it('the background loop stops cleanly (shutdown)', async () => {
    const loop = startJobWorker({ db: t.database.db, handlers: {}, clock: () => now, pollMs: 20 });
    await new Promise((r) => setTimeout(r, 50));
    await loop.stop();
  });
});

describe('the daily reminder scan', () => {
  it('before REMINDER_HOUR nothing is scheduled; from then on, one scan per date across processes', async () => {
    const early = new Date('2026-11-07T23:30:00Z'); // 06:30 in Vietnam, 08/11
    const a = createScheduler(ctx);
    const b = createScheduler(ctx);
    await a(early);
    const count = async () =>
      Number(
        (
          await t.database.db
            .select({ n: sql<number>`count(*)::int` })
            .from(jobs)
            .where(eq(jobs.kind, 'reminder.scan'))
        )[0]!.n,
      );
    expect(await count()).toBe(0);
    await Promise.all([a(now), b(now), a(now)]);
    expect(await count()).toBe(1);
  });

  it('reminds the reporters and leaders of units that have not submitted, once, in-app and by e-mail', async () => {
    await drain();
    expect(await notificationsOf('rep_c1')).toHaveLength(0); // C1 submitted
    expect(await notificationsOf('lead_c1')).toHaveLength(0);
    for (const u of ['rep_c2', 'lead_c2', 'rep_c3']) {
      const mine = await notificationsOf(u);
      expect(mine, u).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        kind: 'reminder',
        title: expect.stringContaining('còn 7 ngày'),
        body: expect.stringContaining('15/11/2026'),
      });
    }
    const subtree = await notificationsOf('rep_tinh');
    expect(subtree).toHaveLength(2); // C2 and C3, not C1 (submitted)
    expect(subtree.every((n) => n.title.endsWith('— còn 7 ngày'))).toBe(true);
    expect(subtree.filter((n) => n.title.includes('Xã Sơn Tây'))).toHaveLength(1);
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual([
      'lead_c2@hatinh.gov.vn',
      'rep_c2@hatinh.gov.vn',
      'rep_c3@hatinh.gov.vn',
    ]);
    const mail = smtp.messages.find((m) => m.to[0] === 'rep_c3@hatinh.gov.vn')!;
    expect(mail.subject).toBe('[Thước Đo] Nhắc hạn tự đánh giá: Xã Sơn Tây — còn 7 ngày');
    expect(mail.text).toContain('Xã Sơn Tây');
    expect(mail.text).toContain('Kỳ đánh giá: Đánh giá DTI cấp xã năm 2026');
    expect(mail.text).toContain('Hạn chót: 15/11/2026');
    expect(mail.text).toContain('Số ngày còn lại: 7');
    expect(mail.text).toContain(`https://dti.hatinh.gov.vn/assessments/${ids.assessments.C3}`);
  });

  it('a re-run never duplicates; a day that is not a reminder day sends nothing; the next one does', async () => {
    await enqueueJob(t.database.db, { kind: 'reminder.scan', payload: {}, runAt: now });
    await drain();
    expect(await notificationsOf('rep_c3')).toHaveLength(1);
    expect(smtp.messages).toHaveLength(3);
    now = new Date('2026-11-10T02:00:00Z'); // 5 days before: not in [7, 3, 1]
    await enqueueJob(t.database.db, { kind: 'reminder.scan', payload: {}, runAt: now });
    await drain();
    expect(await notificationsOf('rep_c3')).toHaveLength(1);
    now = new Date('2026-11-11T17:30:00Z'); // 00:30 on 12/11 in Vietnam: 3 days before (UTC still says the 11th)
    await enqueueJob(t.database.db, { kind: 'reminder.scan', payload: {}, runAt: now });
    await drain();
    const mine = await notificationsOf('rep_c3');
    expect(mine).toHaveLength(2);
    expect(mine.map((n) => n.title).sort()).toEqual([
      'Nhắc hạn tự đánh giá: Xã Sơn Tây — còn 3 ngày',
      'Nhắc hạn tự đánh giá: Xã Sơn Tây — còn 7 ngày',
    ]);
  });
});

describe('"Gửi nhắc nhở ngay" and the notifications API', () => {
  const remindUrl = () => `/api/v1/campaigns/${ids.campaignId}/reminders`;

  it('the DX office queues a scan for its campaign (202): every non-submitted unit reminded, at most once a day', async () => {
    const res = await (await t.as('office')).post(remindUrl());
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ queued: 2 });
    await drain();
    expect(await notificationsOf('rep_c3')).toHaveLength(3);
    expect((await (await t.as('office')).post(remindUrl())).statusCode).toBe(202);
    await drain();
    expect(await notificationsOf('rep_c3')).toHaveLength(3);
  });

  it('authorization of the trigger: only the DX office running the campaign', async () => {
    const supplier = await addAccount(t, 'mot-cua', 'data_supplier', 'P', true);
    const { token } = await issueToken(t, supplier);
    const rows: [string, number][] = [
      ['admin', 202],
      ['d1office', 403],
      ['rep_c1', 403],
      ['lead_c1', 403],
      ['viewer', 403],
      ['support', 403],
      ['mot-cua', 403],
      ['norole', 403],
    ];
    for (const [user, status] of rows)
      expect((await (await t.as(user)).post(remindUrl())).statusCode, user).toBe(status);
    expect((await t.anonymous.post(remindUrl())).statusCode).toBe(401);
    expect((await bearer(t, token).post(remindUrl())).statusCode).toBe(403);
    expect((await bearer(t, 'tdo_revoked-or-unknown-token-value-xxxxxxxx').post(remindUrl())).statusCode).toBe(401);
  });

  it('own notifications only, newest first, unread filter; read one, read all; someone else’s → 404', async () => {
    const rep = await t.as('rep_c3');
    const list = await rep.get('/api/v1/notifications?pageSize=2');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 2 });
    expect(body.items).toHaveLength(2);
    expect(body.items[0].createdAt >= body.items[1].createdAt).toBe(true);
    const read = await rep.post(`/api/v1/notifications/${body.items[0].id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await rep.get('/api/v1/notifications?unread=true')).json()).toMatchObject({ total: 2, unread: 2 });
    const other = await (await t.as('rep_c2')).post(`/api/v1/notifications/${body.items[1].id}/read`);
    expect(other.statusCode).toBe(404);
    expect(
      (await (await t.as('rep_c2')).get('/api/v1/notifications'))
        .json()
        .items.every((n: { id: string }) => n.id !== body.items[1].id),
    ).toBe(true);
    expect((await rep.post('/api/v1/notifications/read-all')).json()).toEqual({ updated: 2 });
    expect((await rep.get('/api/v1/notifications?unread=true')).json().total).toBe(0);
    expect((await t.anonymous.get('/api/v1/notifications')).statusCode).toBe(401);
  });
});
