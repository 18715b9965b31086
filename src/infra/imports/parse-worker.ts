// The import worker thread: reads uploaded files with the readers of parse-jobs.ts, one at a time, so
// that parsing a large or hostile spreadsheet never holds the server's event loop. Its heap is capped
// by the pool (resourceLimits): a file that needs more ends this thread, not the server.
import { parentPort } from 'node:worker_threads';
import { PARSE_JOBS, type ParseReply, type ParseRequest } from './parse-jobs.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs only as a worker thread');

port.on('message', async (job: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id: job.id, ok: true, result: await PARSE_JOBS[job.kind](Buffer.from(job.data), job.limits) };
  } catch (err) {
    reply = { id: job.id, ok: false, message: String((err as Error)?.message ?? err).slice(0, 500) };
  }
  port.postMessage(reply);
});
