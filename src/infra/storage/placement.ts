// The local store's file work after an upload is spooled (decision 0031): flush the staged bytes, hard-link
// them under their content address, flush the directory; and later, check they are still there. Each is a
// chain of five or six file-system calls, and each call made from the server's event loop is a hop through
// libuv's pool and back — a turn of a busy loop on a deadline day, and a wake-up on two shared cores. So the
// chains run on one thread of their own (placement-thread.ts), which answers once per chain; these plain
// functions are that thread's work, and the fallback's when the thread cannot run (decision 0032).
// On a file system that makes no hard links (FAT/exFAT disks, some FUSE and SMB mounts) the staged bytes are
// copied and the copy renamed into place instead (decision 0033): slower, but every upload is still stored.
import fs from 'node:fs/promises';
import path from 'node:path';
import { linksUnsupported } from '../links-unsupported.ts';

/**
 * Make sure `target` holds the staged file's bytes, linking them there from `spool` when it does not: the
 * upload's commit, and its check after the record, when a remover may have taken them (decision 0031).
 */
export interface PlacementJob {
  spool: string;
  target: string;
  /** The staged file was flushed already (by an earlier job): not flushed twice. */
  synced: boolean;
}

export interface PlacementResult {
  /** The bytes were linked at the target by this job (false: the content was there already). */
  placed: boolean;
  /** The staged file is flushed to disk (by this job or an earlier one). */
  synced: boolean;
}

/** The `ab/cd` directories this thread has made or found: at most 65,536, each made once. */
const madeDirs = new Set<string>();

export async function runPlacement(job: PlacementJob): Promise<PlacementResult> {
  // Already stored: these bytes are not placed, so they are not worth flushing (unless a remover takes the
  // stored copy, and the check after the record must place these after all). One access(2) in the usual
  // case: link's EEXIST would say the same, but as an error built with its stack.
  if (await exists(job.target)) return { placed: false, synced: job.synced };
  // Durable before a link makes them the stored content. Not when they are copied: the copy is flushed.
  let synced = job.synced;
  if (!synced && !linksRefused) {
    await syncFile(job.spool);
    synced = true;
  }
  const placed = await linkMakingDirectory(job.spool, job.target);
  if (placed) await syncDirectory(path.dirname(job.target));
  return { placed, synced };
}

/**
 * Hard-links (or copies: copyNew) the staged file into `ab/cd/` (the staged name stays, for the check after the
 * record, until the upload discards it): false when the content is already there. A directory removed behind
 * this thread's back is made again when the link (or the rename) says so.
 */
async function linkMakingDirectory(from: string, to: string): Promise<boolean> {
  const dir = path.dirname(to);
  if (!madeDirs.has(dir)) {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    madeDirs.add(dir);
  }
  try {
    return await linkNew(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    return linkNew(from, to);
  }
}

/** Set at this thread's first refused link: a file system does not start making links, so it is not asked again. */
let linksRefused = false;

/**
 * link(2), which never replaces: false when `to` exists (identical content — its name is its hash). Where
 * the file system makes no links, the bytes are copied into place instead (copyNew).
 */
async function linkNew(from: string, to: string): Promise<boolean> {
  if (linksRefused) return copyNew(from, to);
  try {
    await fs.link(from, to);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    if (!linksUnsupported(err)) throw err;
    linksRefused = true;
    return copyNew(from, to);
  }
}

/**
 * The staged bytes copied beside the staged file, flushed, then renamed under their content address: rename(2)
 * within one file system is atomic, so a reader sees the whole file or none, as with a link. The copy's name is
 * the staged file's own plus `.copy`: a copy cut short by a crash is the start-up clean-up's, like its staged
 * file (spool.ts). rename replaces where link refuses: runPlacement has looked for the content first; another
 * upload of the same content placing it in between is replaced by the same bytes (its name is their hash).
 */
async function copyNew(from: string, to: string): Promise<boolean> {
  const copy = `${from}.copy`;
  try {
    await fs.copyFile(from, copy);
    await syncFile(copy);
    await fs.rename(copy, to);
  } catch (err) {
    await fs.unlink(copy).catch(() => {});
    throw err;
  }
  return true;
}

export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/**
 * fsync of the staged file through a descriptor of this thread's own: fsync(2) flushes the file, whichever
 * descriptor names it, so the spool's own (the server thread's, which it closes) is never shared.
 */
async function syncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync the directory so the link itself survives a crash (Linux; ignored where unsupported). */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close();
}
