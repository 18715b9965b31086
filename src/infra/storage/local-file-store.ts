// Evidence files on the local disk under <THUOCDO_DATA_DIR>/files: <root>/ab/cd/<sha256>, temp files in
// <root>/tmp (same filesystem, so the final rename is atomic: a reader sees the whole file or none).
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  type ByteRange,
  type FileStore,
  type StageOptions,
  type StagedFile,
  contentKey,
  stageAndCommit,
} from './file-store.ts';
import { Quota } from './quota.ts';
import { spoolToTemp } from './spool.ts';
import { isOutOfSpace, storageFull } from './storage-errors.ts';

export interface LocalFileStoreOptions {
  root: string;
  quotaBytes?: number;
}

export class LocalFileStore implements FileStore {
  readonly kind = 'local' as const;
  readonly root: string;
  readonly tmpDir: string;
  private readonly quota: Quota;
  /** The `ab/cd` directories this process has made or found (renameMakingDirectory). */
  private readonly madeDirs = new Set<string>();

  constructor(options: LocalFileStoreOptions) {
    this.root = path.resolve(options.root);
    this.tmpDir = path.join(this.root, 'tmp');
    this.quota = new Quota(options.quotaBytes, () => directorySize(this.root, this.tmpDir));
  }

  pathOf(sha256: string): string {
    return path.join(this.root, contentKey(sha256));
  }

  async stage(source: Readable, options: StageOptions = {}): Promise<StagedFile> {
    let ticket;
    try {
      ticket = await this.quota.open();
    } catch (err) {
      source.destroy(); // refuse before reading: the client stops sending
      throw err;
    }
    let spooled;
    try {
      spooled = await spoolToTemp(source, this.tmpDir, {
        maxBytes: options.maxBytes,
        onProgress: (n) => ticket.check(n),
      });
    } catch (err) {
      ticket.close(0);
      throw err;
    }
    const { sha256, size } = spooled;
    let settled = false;
    return {
      sha256,
      size,
      bytes: spooled.bytes,
      commit: async () => {
        const target = this.pathOf(sha256);
        try {
          if (await exists(target)) {
            // Already stored: these bytes are not kept, so they were never worth flushing.
            await spooled.remove();
            settled = true;
            ticket.close(0);
            return { created: false };
          }
          await spooled.sync(); // durable before the rename makes them the stored content
          await spooled.close();
          await this.renameMakingDirectory(spooled.path, target);
          await syncDirectory(path.dirname(target));
        } catch (err) {
          throw isOutOfSpace(err) ? storageFull() : err;
        }
        settled = true;
        ticket.close(size);
        return { created: true };
      },
      discard: async () => {
        if (settled) return; // renamed into place, or removed as a duplicate
        settled = true;
        ticket.close(0);
        await spooled.remove();
      },
    };
  }

  /**
   * Renames into `ab/cd/`, making the directories the first time this process places a file there (at most
   * 65,536 of them, remembered); one removed behind its back is made again when the rename says so.
   */
  private async renameMakingDirectory(from: string, to: string): Promise<void> {
    const dir = path.dirname(to);
    if (!this.madeDirs.has(dir)) {
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      this.madeDirs.add(dir);
    }
    try {
      await fs.rename(from, to);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      await fs.rename(from, to);
    }
  }

  put(source: Readable, options?: StageOptions) {
    return stageAndCommit(this, source, options);
  }

  async get(sha256: string, range?: ByteRange): Promise<Readable | null> {
    const file = this.pathOf(sha256);
    if (!(await exists(file))) return null;
    return createReadStream(file, range ? { start: range.start, end: range.end } : {});
  }

  has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  async delete(sha256: string): Promise<void> {
    const file = this.pathOf(sha256);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) return;
    await fs.rm(file, { force: true });
    this.quota.freed(stat.size);
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** fsync the directory so the rename itself survives a crash (Linux; ignored where unsupported). */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close();
}

async function directorySize(root: string, skip: string): Promise<number> {
  let total = 0;
  const entries = await fs.readdir(root, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    if (full.startsWith(skip + path.sep)) continue;
    total += (await fs.stat(full).catch(() => ({ size: 0 }))).size;
  }
  return total;
}
