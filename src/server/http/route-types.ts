// The typed Fastify instance every route module receives, and the dependencies it may use.
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database, Db } from '../../db/client.ts';
import type { AuditActor } from '../../db/audit/write-audit.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import type { AppConfig } from '../../infra/config.ts';
import type { JobBell } from '../../app/jobs/job-bell.ts';
import type { ParsePool } from '../../infra/imports/parse-pool.ts';
import type { FileStore } from '../../infra/storage/file-store.ts';
import { requireAuth } from '../plugins/auth.ts';
import { auditActorOf } from '../../app/actor.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface ServerDeps {
  db: Db;
  database: Database;
  config: AppConfig;
  /** Directory of the built web app. */
  webDir: string;
  /** Server time (deadlines, submissions); buildApp defaults it to the system clock, tests fix it. */
  clock?: () => Date;
  /** Evidence files; when absent, the evidence routes use the configured store (see createFileStore). */
  fileStore?: FileStore;
  /** Worker threads reading uploaded spreadsheets; buildApp creates one from the configuration. */
  parsePool?: ParsePool;
  /** This process's job worker's bell (start-server.ts), rung after a request enqueued a job someone awaits. */
  jobBell?: JobBell;
}

export interface Who {
  actor: ScopedActor;
  audit: AuditActor;
  userId: string;
}

/** The signed-in caller as operations need it: policy actor and audit identity. */
export function whoIs(request: FastifyRequest): Who {
  const auth = requireAuth(request);
  return { actor: auth.actor, audit: auditActorOf(auth.user), userId: auth.user.id };
}
