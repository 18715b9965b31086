// The placement thread (placement-thread.ts): runs the local store's file chains (placement.ts) as they come,
// concurrently, and answers each once. Its own event loop takes the hops through libuv's pool, not the
// server's.
import { parentPort } from 'node:worker_threads';
import { type PlacementJob, runPlacement } from './placement.ts';
import type { PlacementReply } from './placement-thread.ts';

const port = parentPort;
if (!port) throw new Error('placement-worker.ts runs only as a worker thread');

port.on('message', ({ id, job }: { id: number; job: PlacementJob }) => {
  runPlacement(job).then(
    (result) => port.postMessage({ id, ok: true, result } satisfies PlacementReply),
    (err: NodeJS.ErrnoException) =>
      port.postMessage({
        id,
        ok: false,
        // The system error's code is what the store acts on (ENOSPC: the disk is full).
        error: { message: String(err?.message ?? err), code: err?.code },
      } satisfies PlacementReply),
  );
});
