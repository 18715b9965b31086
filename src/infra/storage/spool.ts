// Streams an upload into a private temp file while hashing and counting it: the only place evidence
// bytes are read from the network. Each chunk is written before the next is read (back-pressure), so
// memory stays flat whatever the file size. On any failure — the client aborts, the size limit or the
// quota is passed, the disk is full — the temp file is closed and removed before the error propagates.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileTooLarge, isOutOfSpace, storageFull } from './storage-errors.ts';

/** Spool names carry host and PID, so a restarted process can tell its dead predecessor's leftovers from a sibling's uploads in flight. */
const SPOOL_OWNER = `${os.hostname().replace(/[^A-Za-z0-9.-]/g, '_')}~${process.pid}`;
const FOREIGN_SPOOL_MAX_AGE_MS = 24 * 3600_000;

/**
 * Removes spool files left by a process that died mid-upload (kill -9, power loss): on this host, those
 * whose PID is gone; from other hosts sharing the directory, or unnamed, those older than a day.
 * Returns how many were removed.
 */
export async function cleanStaleSpools(tmpDir: string, now = Date.now()): Promise<number> {
  const names = await fs.readdir(tmpDir).catch(() => [] as string[]);
  const host = SPOOL_OWNER.split('~')[0];
  let removed = 0;
  for (const name of names) {
    const [h, pid] = name.split('~');
    const file = path.join(tmpDir, name);
    let stale: boolean;
    if (h === host && pid && /^\d+$/.test(pid)) stale = !isAlive(Number(pid));
    else stale = now - ((await fs.stat(file).catch(() => null))?.mtimeMs ?? now) > FOREIGN_SPOOL_MAX_AGE_MS;
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

export interface Spooled {
  path: string;
  sha256: string;
  size: number;
}

export interface SpoolOptions {
  maxBytes?: number;
  /** Called with the bytes written so far; throw (STORAGE_FULL) to stop the upload. */
  onProgress?: (size: number) => void;
}

export async function spoolToTemp(source: Readable, tmpDir: string, options: SpoolOptions = {}): Promise<Spooled> {
  await fs.mkdir(tmpDir, { recursive: true, mode: 0o700 });
  const tmpPath = path.join(tmpDir, `${SPOOL_OWNER}~${Date.now()}-${randomBytes(8).toString('hex')}.part`);
  const handle = await fs.open(tmpPath, 'wx', 0o600);
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (options.maxBytes !== undefined && size > options.maxBytes) throw fileTooLarge(options.maxBytes);
      options.onProgress?.(size);
      hash.update(chunk);
      await handle.write(chunk);
    }
    // Durable before it can be renamed into place and referenced from the database.
    await handle.sync();
    await handle.close();
    return { path: tmpPath, sha256: hash.digest('hex'), size };
  } catch (err) {
    await handle.close().catch(() => {});
    await fs.rm(tmpPath, { force: true }).catch(() => {});
    if (!source.destroyed) source.destroy();
    throw isOutOfSpace(err) ? storageFull() : err;
  }
}

/** Random access to a file on disk, for sniffing staged bytes. */
export function fileByteSource(filePath: string, size: number) {
  return {
    size,
    async read(offset: number, length: number): Promise<Buffer> {
      const n = Math.max(0, Math.min(length, size - offset));
      if (n === 0) return Buffer.alloc(0);
      const handle = await fs.open(filePath, 'r');
      try {
        const buf = Buffer.alloc(n);
        const { bytesRead } = await handle.read(buf, 0, n, offset);
        return buf.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
  };
}
