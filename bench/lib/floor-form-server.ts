// The floor of the form load (form-load.bench.ts), as its own process like the app: what any authenticated
// form load cannot avoid (floor-form-read.ts: the session and the assessment's state row in one named
// prepared statement on the same database, a pool of the app's size), then the captured answer's bytes sent
// as they are (as lib/bare-bytes-server.ts sends them). The app's ratio to this is what its own work costs
// over the database's unavoidable part, and this one's ratio to the bare byte-sender is what that read costs
// on this machine. GET /floor/assessments/{id} with the app's session cookie. FLOOR_BYTES = JSON
// {file, type, encoding?}; the database as for `thuocdo serve` (DATABASE_URL, else THUOCDO_DATA_DIR).
// Run: node --import tsx bench/lib/floor-form-server.ts
import fs from 'node:fs';
import Fastify from 'fastify';
import { openPglite, openPostgres } from '../../src/db/client.ts';
import { floorFormLoad } from './floor-form-read.ts';

const body = JSON.parse(process.env.FLOOR_BYTES ?? '{}') as { file: string; type: string; encoding?: string };
const answer = { bytes: fs.readFileSync(body.file), type: body.type, encoding: body.encoding };
const database = process.env.DATABASE_URL
  ? await openPostgres(process.env.DATABASE_URL)
  : await openPglite({ dir: process.env.THUOCDO_DATA_DIR! });

const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ ok: true }));
app.get<{ Params: { id: string } }>('/floor/assessments/:id', (request, reply) =>
  floorFormLoad(database.db, answer, request, reply),
);
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.on('SIGTERM', () => void app.close().then(() => database.close().then(() => process.exit(0))));
