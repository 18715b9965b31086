// The floor of a form load, shared by the form-load bench's floor server (floor-form-server.ts) and the floor
// of the deadline-day mix (floor-mix-routes.ts): what any authenticated form load cannot avoid — the session
// by its token's hash and the assessment's state row, read in one named prepared statement (as the app reads
// the form with the session, decision 0026) — then a captured answer's bytes sent as they are. No grants, no
// scope, no items, no serialisation.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../src/db/client.ts';
import { namedStatement, runNamed } from '../../src/db/prepared.ts';

const sessionAndState = namedStatement<{ user_id: string; status: string | null; row_version: number | null }>(
  'floor_session_and_state',
  `select s.user_id, a.status, a.row_version from sessions s left join assessments a on a.id = $2::uuid
   where s.id = $1::text and s.expires_at > now()`,
);
const SID = /(?:^|;\s*)thuocdo_sid=([^;]+)/;

/** The bytes a floor load answers with, as captured from the app (FLOOR_BYTES = JSON {file, type, encoding?}). */
export interface FloorBytes {
  bytes: Buffer;
  type: string;
  encoding?: string | undefined;
}

/** GET …/:id: 401 without a live session, 404 without the assessment, else the captured bytes. */
export async function floorFormLoad(
  db: Db,
  answer: FloorBytes,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
) {
  const token = SID.exec(request.headers.cookie ?? '')?.[1];
  if (!token) return reply.code(401).send();
  const [s] = await runNamed(db, sessionAndState, [
    createHash('sha256').update(token).digest('hex'),
    request.params.id,
  ]);
  if (!s) return reply.code(401).send();
  if (s.status === null) return reply.code(404).send();
  reply.type(answer.type);
  if (answer.encoding) reply.header('content-encoding', answer.encoding);
  return reply.send(answer.bytes);
}
