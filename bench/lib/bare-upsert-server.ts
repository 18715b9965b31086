// The bare ceiling of the deadline-day benchmark, as its own process like the app: Fastify with one route
// doing one parameterised upsert of an assessment item row (no session, policy, scoring or audit), on the
// same database (THUOCDO_DATA_DIR's PGlite or DATABASE_URL). Run: node --import tsx bench/lib/bare-upsert-server.ts
// A second route, /floor, is what any correct save must do at least (lib/audited-floor-save.ts): the app's
// own session read, then one statement that key-share locks the assessment row, does the same upsert and
// appends its audit entry with the app's own SQL — no transaction around it, as the app's save since
// decision 0023; no policy, scoring, evidence or context read. The bench reports it beside the bare route.
// (Before 12/2026 the floor left the audit entry out: its figures then are not comparable.)
// With FLOOR_BYTES (JSON {file, type}: a form's answer captured from the app), also the floor of the whole
// deadline-day mix (floor-mix-routes.ts): the form load, the upload and the submission at their floors.
import fs from 'node:fs';
import path from 'node:path';
import multipart from '@fastify/multipart';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres } from '../../src/db/client.ts';
import { auditedFloorSave } from './audited-floor-save.ts';
import { registerFloorMixRoutes } from './floor-mix-routes.ts';

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
app.get('/healthz', async () => ({ ok: true }));
app.put('/bare/:id/:code', async (request) => {
  const { id, code } = request.params as { id: string; code: string };
  await upsert(database.db, id, code, request.body as Body);
  return { ok: true };
});
app.put('/floor/:id/:code', async (request, reply) => {
  const { id, code } = request.params as { id: string; code: string };
  const status = await auditedFloorSave(database.db, request.headers.cookie, id, `bare-${code}`, request.body as Body);
  return reply.code(status).send({ ok: status === 200 });
});
if (process.env.FLOOR_BYTES) {
  const captured = JSON.parse(process.env.FLOOR_BYTES) as { file: string; type: string };
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1, fields: 20 } });
  registerFloorMixRoutes(app, database.db, {
    answer: { bytes: fs.readFileSync(captured.file), type: captured.type },
    // Beside the app's store on the same filesystem, not inside it: the floor's files are its own.
    filesRoot: path.join(process.env.THUOCDO_DATA_DIR!, 'floor-files'),
  });
}
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0)),
);
