// Figure (issue 16, the uploads of the deadline-day mix): what the evidence store costs per small upload —
// the path of POST /units/{id}/evidence below HTTP and the database: stage (spool, hash), sniff the type,
// look for active content, commit (place under the content address, durable), discard. A one-page PDF of
// its own each time (a numbered comment after %%EOF), 16 at once, on the local store. Baseline, same run,
// same process: the least a durable content-addressed placement of the same bytes is — write a temp file,
// fsync, rename under ab/cd/, fsync the directory, the SHA-256 computed once. Both measured as wall time per
// upload and CPU per upload (process.cpuUsage: this thread and libuv's, which do the file work). The note
// gives the same store with every upload the same bytes (stored once: the second and later are dropped).
// Run: npx tsx bench/evidence-small-uploads.bench.ts   (SMALL_UPLOADS, default 4000)
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { makePdf } from '../src/fixture/file-makers.ts';
import { createRng } from '../src/fixture/random.ts';
import { activeContentReason } from '../src/infra/storage/active-content.ts';
import { contentKey } from '../src/infra/storage/file-store.ts';
import { LocalFileStore } from '../src/infra/storage/local-file-store.ts';
import { sniffContentType } from '../src/infra/storage/sniff.ts';
import { report } from './lib/stats.ts';

const UPLOADS = Number(process.env.SMALL_UPLOADS ?? 4000);
const AT_ONCE = 16;
const pdf = await makePdf('Báo cáo bổ sung tài liệu kiểm chứng', 1, createRng(7));
const run = Date.now().toString(36);
const own = (n: number) => Buffer.concat([pdf, Buffer.from(`\n% ${run}-${n}\n`)]);

async function throughStore(store: LocalFileStore, bytes: Buffer): Promise<void> {
  const staged = await store.stage(Readable.from([bytes]), { maxBytes: 50 * 1024 * 1024 });
  try {
    const detected = await sniffContentType(staged.bytes);
    if (!detected || (await activeContentReason(staged.bytes, detected.mimeType))) throw new Error('refused');
    await staged.commit();
  } finally {
    await staged.discard();
  }
}

/** The least a durable content-addressed placement costs: temp file, fsync, rename, directory fsync. */
async function bare(root: string, bytes: Buffer, made: Set<string>): Promise<void> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const tmp = path.join(root, 'tmp', `${sha256}.part`);
  const handle = await fs.open(tmp, 'wx', 0o600);
  await handle.write(bytes);
  await handle.sync();
  await handle.close();
  const target = path.join(root, contentKey(sha256));
  const dir = path.dirname(target);
  if (!made.has(dir)) {
    await fs.mkdir(dir, { recursive: true });
    made.add(dir);
  }
  await fs.rename(tmp, target);
  const d = await fs.open(dir, 'r');
  await d.sync();
  await d.close();
}

/** Uploads per slice of the run for the p95: wall per upload over each 100 completions in turn. */
const SLICE = 100;

/**
 * Wall ms and CPU ms per upload of `one(n)` for n = 0…count-1, AT_ONCE in flight; `slices`: the wall per
 * upload of each run of SLICE completions (the same quantity as `wall`, over time, for its p95).
 */
async function measure(count: number, one: (n: number) => Promise<void>) {
  let next = 0;
  const done: number[] = [];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      while (next < count) {
        await one(next++);
        done.push(performance.now());
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  const slices: number[] = [];
  for (let k = SLICE; k <= done.length; k += SLICE)
    slices.push((done[k - 1]! - (k === SLICE ? t0 : done[k - SLICE - 1]!)) / SLICE);
  return { wall: (performance.now() - t0) / count, cpu: (cpu.user + cpu.system) / 1000 / count, slices };
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.95) - 1)] ?? 0;

const roots: string[] = [];
const freshRoot = async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'thuocdo-small-uploads-'));
  roots.push(root);
  await fs.mkdir(path.join(root, 'tmp'));
  return root;
};

try {
  const sums = { store: { wall: 0, cpu: 0 }, bare: { wall: 0, cpu: 0 }, same: { wall: 0, cpu: 0 } };
  const storeSlices: number[] = [];
  // Alternated twice, each on a fresh directory; the means kept.
  for (let round = 0; round < 2; round++) {
    const store = new LocalFileStore({ root: await freshRoot() });
    await measure(200, (n) => throughStore(store, own(1e9 + round * 1e6 + n))); // warm-up
    const s = await measure(UPLOADS, (n) => throughStore(store, own(round * 1e6 + n)));
    storeSlices.push(...s.slices);
    const bareRoot = await freshRoot();
    const made = new Set<string>();
    const b = await measure(UPLOADS, (n) => bare(bareRoot, own(round * 1e6 + n), made));
    const same = new LocalFileStore({ root: await freshRoot() });
    const d = await measure(UPLOADS, () => throughStore(same, pdf));
    for (const [k, v] of [
      ['store', s],
      ['bare', b],
      ['same', d],
    ] as const) {
      sums[k].wall += v.wall / 2;
      sums[k].cpu += v.cpu / 2;
    }
    for (const r of roots.splice(0)) await fs.rm(r, { recursive: true, force: true });
  }
  const ms = (x: number) => x.toFixed(3);
  report({
    name: `small evidence uploads through the local store, ${AT_ONCE} at once (stage, sniff, commit, discard)`,
    meanMs: sums.store.wall,
    p95Ms: p95(storeSlices),
    baselineName: 'temp file, fsync, rename under ab/cd/, directory fsync, same bytes, same process',
    baselineMeanMs: sums.bare.wall,
    target: 'the deadline-day mix: uploads ≤ their share',
    note:
      `wall ms per upload ${ms(sums.store.wall)} (p95 over slices of ${SLICE} uploads) vs bare ${ms(sums.bare.wall)}; CPU ms per upload (this process, ` +
      `threads included) ${ms(sums.store.cpu)} vs bare ${ms(sums.bare.cpu)}; every upload the same bytes ` +
      `(stored once): ${ms(sums.same.wall)} ms wall, ${ms(sums.same.cpu)} ms CPU; a ${pdf.length}-byte PDF, ` +
      `${UPLOADS} uploads each, twice, alternated`,
  });
} finally {
  for (const r of roots) await fs.rm(r, { recursive: true, force: true });
}
