// The floor of the form load (form-load.bench.ts), as its own process like the app: what any authenticated
// form load cannot avoid — the session by its token's hash and the assessment's state row, read in one
// named prepared statement (as the app reads the form with the session, decision 0026) on the same
// database (src/db/prepared.ts, a pool of the app's size) — then the captured answer's bytes sent as they
// are (as lib/bare-bytes-server.ts sends them). No
// grants, no scope, no items, no serialisation: the app's ratio to this is what its own work costs over
// the database's unavoidable part, and this one's ratio to the bare byte-sender is what that read costs on
// this machine. GET /floor/assessments/{id} with the app's session cookie. FLOOR_BYTES = JSON
// {file, type, encoding?}; the database as for `thuocdo serve` (DATABASE_URL, else THUOCDO_DATA_DIR).
// Run: node --import tsx bench/lib/floor-form-server.ts
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Fastify from 'fastify';
import { openPglite, openPostgres } from '../../src/db/client.ts';
import { namedStatement, runNamed } from '../../src/db/prepared.ts';

const body = JSON.parse(process.env.FLOOR_BYTES ?? '{}') as { file: string; type: string; encoding?: string };
const bytes = fs.readFileSync(body.file);
const database = process.env.DATABASE_URL
  ? await openPostgres(process.env.DATABASE_URL)
  : await openPglite({ dir: process.env.THUOCDO_DATA_DIR! });
const db = database.db;

const sessionAndState = namedStatement<{ user_id: string; status: string | null; row_version: number | null }>(
  'floor_session_and_state',
  `select s.user_id, a.status, a.row_version from sessions s left join assessments a on a.id = $2::uuid
   where s.id = $1::text and s.expires_at > now()`,
);
const SID = /(?:^|;\s*)thuocdo_sid=([^;]+)/;

const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ ok: true }));
app.get<{ Params: { id: string } }>('/floor/assessments/:id', async (request, reply) => {
  const token = SID.exec(request.headers.cookie ?? '')?.[1];
  if (!token) return reply.code(401).send();
  const [s] = await runNamed(db, sessionAndState, [
    createHash('sha256').update(token).digest('hex'),
    request.params.id,
  ]);
  if (!s) return reply.code(401).send();
  if (s.status === null) return reply.code(404).send();
  reply.type(body.type);
  if (body.encoding) reply.header('content-encoding', body.encoding);
  return reply.send(bytes);
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.on('SIGTERM', () => void app.close().then(() => database.close().then(() => process.exit(0))));
