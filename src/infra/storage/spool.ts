// Streams an upload into a private temp file while hashing and counting it: the only place evidence
// bytes are read from the network. Each chunk is written before the next is read (back-pressure), so
// memory stays flat whatever the file size (the first 64 KiB are kept, for sniffing). On any failure —
// the client aborts, the size limit or the quota is passed, the disk is full — the temp file is closed
// and removed before the error propagates.
import { createHash } from 'node:crypto';
import fs, { type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { ByteSource } from './sniff.ts';
import { fileTooLarge, isOutOfSpace, storageFull } from './storage-errors.ts';

/** Spool names carry host and PID, so a restarted process can tell its dead predecessor's leftovers from a sibling's uploads in flight. */
const SPOOL_OWNER = `${os.hostname().replace(/[^A-Za-z0-9.-]/g, '_')}~${process.pid}`;
const FOREIGN_SPOOL_MAX_AGE_MS = 24 * 3600_000;

/**
 * Removes spool files left by a process that died mid-upload (kill -9, power loss): on this host, those
 * whose PID is gone; from other hosts sharing the directory, or unnamed, those older than a day. Each is
 * shown to `beforeRemove` first (the start-up repair puts back recorded bytes from it: decision 0031; its
 * failure does not keep the file). Returns how many were removed.
 */
export async function cleanStaleSpools(
  tmpDir: string,
  now = Date.now(),
  beforeRemove?: (file: string) => Promise<unknown>,
): Promise<number> {
  const names = await fs.readdir(tmpDir).catch(() => [] as string[]);
  const host = SPOOL_OWNER.split('~')[0];
  let removed = 0;
  for (const name of names) {
    const [h, pid] = name.split('~');
    const file = path.join(tmpDir, name);
    let stale: boolean;
    if (h === host && pid && /^\d+$/.test(pid)) stale = !isAlive(Number(pid));
    else stale = now - ((await fs.stat(file).catch(() => null))?.mtimeMs ?? now) > FOREIGN_SPOOL_MAX_AGE_MS;
    if (stale && beforeRemove) await beforeRemove(file).catch(() => {});
    if (
      stale &&
      (await fs.rm(file, { force: true }).then(
        () => true,
        () => false,
      ))
    )
      removed++;
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let spoolNumber = 0;

/** The first bytes of a spool are kept in memory too: sniffing reads them without going back to the disk. */
export const SPOOL_HEAD_BYTES = 64 * 1024;

/**
 * A spooled upload: hashed, counted, written to its temp file — not flushed to disk. The file stays open
 * until `close` or `remove`, so reading it back (sniffing past the first 64 KiB) does not reopen it. Only a
 * store that keeps these bytes as they are (the local disk) needs them on the platter, and only when it
 * places them: it flushes them then (placement.ts); content already stored, an S3 upload and a refused file
 * never pay for the flush.
 */
export interface Spooled {
  path: string;
  sha256: string;
  size: number;
  /** Random access to the spooled bytes, for content sniffing: the head from memory, the rest from the file. */
  bytes: ByteSource;
  /** Closes the temp file, which stays on disk (to be linked or streamed). Idempotent. */
  close(): Promise<void>;
  /** Closes and removes the temp file. Idempotent; never throws. */
  remove(): Promise<void>;
}

export interface SpoolOptions {
  maxBytes?: number;
  /** Called with the bytes written so far; throw (STORAGE_FULL) to stop the upload. */
  onProgress?: (size: number) => void;
}

export async function spoolToTemp(source: Readable, tmpDir: string, options: SpoolOptions = {}): Promise<Spooled> {
  // Unique within the process by its counter, across processes by the owner's PID; `wx` refuses a clash.
  const tmpPath = path.join(tmpDir, `${SPOOL_OWNER}~${Date.now()}-${++spoolNumber}.part`);
  let handle: FileHandle;
  try {
    handle = await openSpool(tmpPath, tmpDir);
  } catch (err) {
    if (!source.destroyed) source.destroy();
    throw isOutOfSpace(err) ? storageFull() : err;
  }
  const hash = createHash('sha256');
  // The chunks themselves (a stream's chunks are the reader's to keep), joined once at the end: a small
  // file arrives as one chunk and is kept without a copy.
  const head: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (size < SPOOL_HEAD_BYTES) head.push(chunk.subarray(0, SPOOL_HEAD_BYTES - size));
      size += chunk.length;
      if (options.maxBytes !== undefined && size > options.maxBytes) throw fileTooLarge(options.maxBytes);
      options.onProgress?.(size);
      hash.update(chunk);
      await handle.write(chunk);
    }
  } catch (err) {
    await handle.close().catch(() => {});
    await unlinkIfThere(tmpPath).catch(() => {});
    if (!source.destroyed) source.destroy();
    throw isOutOfSpace(err) ? storageFull() : err;
  }
  return openSpooled(tmpPath, handle, hash.digest('hex'), size, head.length === 1 ? head[0]! : Buffer.concat(head));
}

function openSpooled(filePath: string, handle: FileHandle, sha256: string, size: number, head: Buffer): Spooled {
  let open: FileHandle | null = handle;
  let closing: Promise<void> | null = null;
  const close = () => {
    open = null;
    return (closing ??= handle.close());
  };
  return {
    path: filePath,
    sha256,
    size,
    bytes: {
      size,
      async read(offset, length) {
        const n = Math.max(0, Math.min(length, size - offset));
        if (n === 0) return Buffer.alloc(0);
        if (offset + n <= head.length) return head.subarray(offset, offset + n);
        return open ? readAt(open, offset, n) : readFileAt(filePath, offset, n);
      },
    },
    close,
    async remove() {
      // At once: a name can go while its file is open, and the upload's answer waits for both.
      await Promise.all([close().catch(() => {}), unlinkIfThere(filePath).catch(() => {})]);
    },
  };
}

/** `wx`: a fresh private file; the temp directory is made on the first upload (or again if removed). */
async function openSpool(tmpPath: string, tmpDir: string): Promise<FileHandle> {
  try {
    return await fs.open(tmpPath, 'wx+', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await fs.mkdir(tmpDir, { recursive: true, mode: 0o700 });
    return fs.open(tmpPath, 'wx+', 0o600);
  }
}

/** unlink, a missing file being fine: one system call where `rm({ force })` makes three. */
async function unlinkIfThere(filePath: string): Promise<void> {
  await fs.unlink(filePath).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}

async function readAt(handle: FileHandle, offset: number, n: number): Promise<Buffer> {
  const buf = Buffer.alloc(n);
  const { bytesRead } = await handle.read(buf, 0, n, offset);
  return buf.subarray(0, bytesRead);
}

async function readFileAt(filePath: string, offset: number, n: number): Promise<Buffer> {
  const handle = await fs.open(filePath, 'r');
  try {
    return await readAt(handle, offset, n);
  } finally {
    await handle.close();
  }
}
