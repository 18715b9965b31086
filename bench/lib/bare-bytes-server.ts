// The bare ceiling of the GET load benchmarks (form-load, public-ranking-load), as its own process like
// the app: Fastify with one route per captured answer, GET /bytes/{name}, sending the file's bytes as they
// are with the captured Content-Type (and Content-Encoding when the app's answer was compressed) — no
// session, no lookup, no serialisation. BARE_BYTES = JSON {name: {file, type, encoding?}}.
// Run: node --import tsx bench/lib/bare-bytes-server.ts
import fs from 'node:fs';
import Fastify from 'fastify';

const bodies = JSON.parse(process.env.BARE_BYTES ?? '{}') as Record<
  string,
  { file: string; type: string; encoding?: string }
>;
const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ ok: true }));
for (const [name, b] of Object.entries(bodies)) {
  const bytes = fs.readFileSync(b.file);
  app.get(`/bytes/${name}`, (_request, reply) => {
    reply.type(b.type);
    if (b.encoding) reply.header('content-encoding', b.encoding);
    return reply.send(bytes);
  });
}
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
