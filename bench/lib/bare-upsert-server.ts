// The bare ceiling of the deadline-day benchmark, as its own process like the app: Fastify with one route
// doing one parameterised upsert of an assessment item row (no session, policy, scoring or audit), on the
// same database (THUOCDO_DATA_DIR's PGlite or DATABASE_URL). Run: node --import tsx bench/lib/bare-upsert-server.ts
import path from 'node:path';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres } from '../../src/db/client.ts';

const database = process.env.DATABASE_URL
  ? await openPostgres(process.env.DATABASE_URL, 20)
  : await openPglite({ dir: path.resolve(process.env.THUOCDO_DATA_DIR!) });
const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ ok: true }));
app.put('/bare/:id/:code', async (request) => {
  const { id, code } = request.params as { id: string; code: string };
  const body = request.body as { inputs: unknown; explanation: string };
  await database.db
    .execute(sql`insert into assessment_items (assessment_id, code, inputs, self_score, explanation, version, updated_at)
    values (${id}, ${`bare-${code}`}, ${JSON.stringify(body.inputs)}::jsonb, 1, ${body.explanation}, 1, now())
    on conflict (assessment_id, code) do update set inputs = excluded.inputs, self_score = excluded.self_score,
      explanation = excluded.explanation, version = assessment_items.version + 1, updated_at = now()`);
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
