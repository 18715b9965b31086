// Evidence files on the local disk under <THUOCDO_DATA_DIR>/files: <root>/ab/cd/<sha256>, temp files in
// <root>/tmp (same filesystem, so the final hard link is atomic: a reader sees the whole file or none, and
// the staged name keeps the bytes until the upload is over — decision 0031).
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
  /** The `ab/cd` directories this process has made or found (linkMakingDirectory). */
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
    const target = this.pathOf(sha256);
    let synced = false;
    /** Flushes the staged bytes (durable before a link makes them the stored content), then links them. */
    const place = async (): Promise<boolean> => {
      if (!synced) await spooled.sync();
      synced = true;
      if (!(await this.linkMakingDirectory(spooled.path, target))) return false;
      await syncDirectory(path.dirname(target));
      return true;
    };
    let discarded = false;
    return {
      sha256,
      size,
      bytes: spooled.bytes,
      commit: async () => {
        try {
          // Already stored: these bytes are not placed, so they are not worth flushing (unless ensureStored
          // must place them after all).
          const created = !(await exists(target)) && (await place());
          ticket.close(created ? size : 0);
          return { created };
        } catch (err) {
          throw isOutOfSpace(err) ? storageFull() : err;
        }
      },
      ensureStored: async () => {
        if (discarded) throw new Error(`staged ${sha256}: discarded, it can no longer be stored`);
        try {
          // One access(2) in the usual case: link's EEXIST would say the same, but as an error Node builds
          // with its stack, on every upload.
          if (await exists(target)) return;
          if (await place()) this.quota.added(size);
        } catch (err) {
          throw isOutOfSpace(err) ? storageFull() : err;
        }
      },
      discard: async () => {
        if (discarded) return;
        discarded = true;
        ticket.close(0);
        await spooled.remove();
      },
    };
  }

  /**
   * Hard-links the staged file into `ab/cd/` (the staged name stays, for ensureStored, until discard): false
   * when the content is already there. The directories are made the first time this process places a file
   * there (at most 65,536 of them, remembered); one removed behind its back is made again when the link says so.
   */
  private async linkMakingDirectory(from: string, to: string): Promise<boolean> {
    const dir = path.dirname(to);
    if (!this.madeDirs.has(dir)) {
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      this.madeDirs.add(dir);
    }
    try {
      return await linkNew(from, to);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      return linkNew(from, to);
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

/** link(2), which never replaces: false when `to` exists (identical content — its name is its hash). */
async function linkNew(from: string, to: string): Promise<boolean> {
  try {
    await fs.link(from, to);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** fsync the directory so the link itself survives a crash (Linux; ignored where unsupported). */
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
