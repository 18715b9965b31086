// The bare ceiling of the deadline-day benchmark, as its own process like the app: Fastify with one route
// doing one parameterised upsert of an assessment item row (no session, policy, scoring or audit), on the
// same database (THUOCDO_DATA_DIR's PGlite or DATABASE_URL). Run: node --import tsx bench/lib/bare-upsert-server.ts
// A second route, /floor, is what any authenticated save must do at least: the app's own session read
// (findSessionWithGrants, one named statement), then one statement taking the assessment row's key-share
// lock (a save must not land on a form being submitted) and doing the same upsert — no transaction around
// it, as the app's save since decision 0023; no policy, scoring, evidence or audit. The bench reports it
// beside the bare route.
import path from 'node:path';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres } from '../../src/db/client.ts';
import { findSessionWithGrants } from '../../src/db/queries/sessions.ts';
import { SESSION_COOKIE } from '../../src/server/plugins/auth.ts';

const database = process.env.DATABASE_URL
  ? await openPostgres(process.env.DATABASE_URL, 20)
  : await openPglite({ dir: path.resolve(process.env.THUOCDO_DATA_DIR!) });
const app = Fastify({ logger: false });
type Db = typeof database.db;
type Body = { inputs: unknown; explanation: string };
const upsertSet = sql`on conflict (assessment_id, code) do update set inputs = excluded.inputs, self_score = excluded.self_score,
      explanation = excluded.explanation, version = assessment_items.version + 1, updated_at = now()`;
const upsert = (db: Db, id: string, code: string, body: Body) =>
  db.execute(sql`insert into assessment_items (assessment_id, code, inputs, self_score, explanation, version, updated_at)
    values (${id}, ${`bare-${code}`}, ${JSON.stringify(body.inputs)}::jsonb, 1, ${body.explanation}, 1, now())
    ${upsertSet}`);
/** The same upsert, only once the assessment row is key-share locked (a form being submitted is waited for). */
const gatedUpsert = (db: Db, id: string, code: string, body: Body) =>
  db.execute(sql`with gate as materialized (select 1 from assessments where id = ${id}::uuid for key share)
    insert into assessment_items (assessment_id, code, inputs, self_score, explanation, version, updated_at)
    select ${id}::uuid, ${`bare-${code}`}, ${JSON.stringify(body.inputs)}::jsonb, 1, ${body.explanation}, 1, now()
    where exists (select 1 from gate)
    ${upsertSet}`);
app.get('/healthz', async () => ({ ok: true }));
app.put('/bare/:id/:code', async (request) => {
  const { id, code } = request.params as { id: string; code: string };
  await upsert(database.db, id, code, request.body as Body);
  return { ok: true };
});
const cookiePrefix = `${SESSION_COOKIE}=`;
app.put('/floor/:id/:code', async (request, reply) => {
  const { id, code } = request.params as { id: string; code: string };
  const cookie = (request.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith(cookiePrefix));
  const session = cookie ? await findSessionWithGrants(database.db, cookie.slice(cookiePrefix.length), 3600_000) : null;
  if (!session) return reply.code(401).send({ ok: false });
  await gatedUpsert(database.db, id, code, request.body as Body);
  return { ok: true };
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0)),
);
