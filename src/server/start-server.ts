// Boots a serving process: open (and lock) the database, migrate, optionally seed the demo province,
// build the app, listen, and shut down gracefully on SIGTERM/SIGINT (in-flight requests finish, then the
// database closes and the lock is released).
import { refreshStaleProgress } from '../app/assessments/refresh-progress.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database, type Db } from '../db/client.ts';
import { prepareDataDir } from '../db/data-dir.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { silentSteps, type StartupSteps } from './startup-steps.ts';
import { buildApp } from './app.ts';
import type { AppConfig } from '../infra/config.ts';
import type { App } from './http/route-types.ts';
import { createLogger } from './logger.ts';
import { type KeySecrets, keySecrets } from '../app/publication/key-secret.ts';
import { sealSigningKeys } from '../app/publication/signing-key.ts';
import { storedBytesTotal } from '../db/queries/evidence.ts';
import { createFileStore } from '../infra/storage/create-file-store.ts';
import { LocalFileStore } from '../infra/storage/local-file-store.ts';
import { reconcileLocalStore } from '../app/evidence/reconcile-local-store.ts';
import { SweepIncomplete, reconcileS3Store } from '../app/evidence/reconcile-s3-store.ts';
import { S3FileStore } from '../infra/storage/s3-file-store.ts';
import { createJobHandlers, createScheduler } from '../app/jobs/handlers.ts';
import { createJobBell } from '../app/jobs/job-bell.ts';
import { startJobWorker } from '../app/jobs/worker.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIR = path.join(REPO_ROOT, 'dist/web');

export interface RunningServer {
  app: App;
  database: Database;
  url: string;
  seeded: boolean;
  stop(): Promise<void>;
}

/** Loads the demo province into an empty database (src/seed): passed in by the entry point, so the server
 *  never depends on the seed. */
export type DemoSeeder = (db: Db, secrets: KeySecrets) => Promise<{ seeded: boolean }>;

export async function startServer(
  config: AppConfig,
  options: { seedDemo?: DemoSeeder | undefined; handleSignals?: boolean; steps?: StartupSteps },
): Promise<RunningServer> {
  const steps = options.steps ?? silentSteps;
  const seedDemo = config.env !== 'production' ? options.seedDemo : undefined;
  const logger = createLogger(config.logLevel);
  // Files created from here on (evidence spools, the key-encryption secret) are the owner's only.
  process.umask(0o077);
  // The data directory is used unless PostgreSQL, S3 and SESSION_SECRET (as key-encryption secret) replace it.
  const usesDataDir = !config.databaseUrl || config.evidenceStore.kind === 'local' || !config.sessionSecret;
  const dataDir = usesDataDir ? prepareDataDir(config.dataDir) : { tightened: [] };
  if (dataDir.tightened.length > 0) {
    logger.warn(
      { dataDir: config.dataDir, tightened: dataDir.tightened.length, sample: dataDir.tightened.slice(0, 5) },
      'data directory was readable by others: group/other permissions removed',
    );
  }
  const database = await steps.run(
    'Mở cơ sở dữ liệu / open database',
    () => openDatabase(config),
    (d) => (d.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'),
  );
  try {
    await steps.run('Cập nhật cấu trúc CSDL / migrate', () => migrateDatabase(database));
    const sealed = await sealSigningKeys(database.db, keySecrets(config));
    if (sealed.encrypted.length + sealed.rewrapped.length > 0) logger.info(sealed, 'signing keys encrypted at rest');
    if (sealed.unreadable.length > 0) {
      logger.error(
        { unreadable: sealed.unreadable },
        'signing keys cannot be opened with the key-encryption secret (SESSION_SECRET or data directory key-encryption.secret): publishing and audit checkpoints will fail',
      );
    }
    const seeded = seedDemo
      ? (
          await steps.run(
            'Nạp tỉnh mẫu Hà Tĩnh / seed demo',
            () => seedDemo(database.db, keySecrets(config)),
            (r) => (r.seeded ? undefined : 'đã có dữ liệu, bỏ qua / data present, skipped'),
          )
        ).seeded
      : false;
    const fileStore = createFileStore(config, { usedBytes: () => storedBytesTotal(database.db) });
    const jobBell = createJobBell();
    const app = await buildApp(
      { db: database.db, database, config, webDir: WEB_DIR, fileStore, jobBell },
      { logger, requestLogLevel: seedDemo ? 'debug' : 'info' },
    );
    let stopping = false;
    // Leftovers of a crashed predecessor (partial spools, unrecorded files or objects), in the background:
    // never blocking start-up, since a large store — a bucket of many pages above all — takes a while to list
    // and nothing depends on it. The bucket sweep checks `stopping` between pages and removals, so shutdown
    // does not wait for it; it runs in every process (each removal is locked and re-checked, so concurrent
    // sweeps are only redundant).
    const s3 = config.evidenceStore.kind === 's3' ? config.evidenceStore : undefined;
    const reconciled =
      fileStore instanceof LocalFileStore
        ? reconcileLocalStore(database.db, fileStore).then(
            (r) => logger.info(r, 'evidence store reconciled'),
            (err) => logger.warn({ err }, 'evidence store reconciliation failed'),
          )
        : fileStore instanceof S3FileStore && s3?.orphanSweep
          ? reconcileS3Store(database.db, fileStore, {
              realNow: new Date(), // object ages against LastModified: real time, not the business clock
              graceMs: s3.orphanGraceMs,
              shouldStop: () => stopping,
            }).then(
              (r) => logger.info(r, 'evidence store reconciled'),
              (err) =>
                !stopping &&
                logger.warn(
                  { err, ...(err instanceof SweepIncomplete ? err.partial : {}) },
                  'evidence store reconciliation failed',
                ),
            )
          : Promise.resolve();
    // Forms' stored progress (decision 0014) never computed yet — after the migration that added it — or
    // left stale by a crash: filled in the background so no reader of a list waits for it.
    const progressFilled = refreshStaleProgress(database.db, () => stopping).then(
      (forms) => forms > 0 && logger.info({ forms }, 'form progress brought up to date'),
      (err) => !stopping && logger.warn({ err }, 'form progress backfill failed'),
    );
    await steps.run('Mở cổng HTTP / listen', () => app.listen({ port: config.port, host: config.host }));
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.publicBaseUrl ?? `http://localhost:${port}`;
    // Both clocks are real time here; tests fix the business one (docs/decisions/0016).
    const jobs = {
      db: database.db,
      databaseKind: database.kind,
      config,
      clock: () => new Date(),
      realClock: () => new Date(),
      keySecrets: keySecrets(config),
    };
    const worker = config.jobWorker
      ? startJobWorker({
          ...jobs,
          handlers: createJobHandlers(jobs),
          schedule: createScheduler(jobs),
          logger,
          bell: jobBell,
        })
      : null;
    let stopped: Promise<void> | undefined;
    const stop = () =>
      (stopped ??= (async () => {
        stopping = true;
        await worker?.stop(); // finish the job in hand before the database closes
        await reconciled;
        await progressFilled;
        await app.close();
        await database.close();
      })());
    if (options.handleSignals) {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.once(signal, () => {
          logger.info({ signal }, 'shutting down');
          stop().then(
            () => process.exit(0),
            (err) => {
              logger.error({ err }, 'shutdown failed');
              process.exit(1);
            },
          );
        });
      }
    }
    return { app, database, url, seeded, stop };
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}
