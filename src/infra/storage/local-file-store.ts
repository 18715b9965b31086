// Evidence files on the local disk under <THUOCDO_DATA_DIR>/files: <root>/ab/cd/<sha256>, temp files in
// <root>/tmp (same filesystem, so the final hard link is atomic: a reader sees the whole file or none, and
// the staged name keeps the bytes until the upload is over — decision 0031; where the file system makes no
// links, a flushed copy renamed into place, atomic too — decision 0033).
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
import { exists } from './placement.ts';
import { placementThread } from './placement-thread.ts';
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

  constructor(options: LocalFileStoreOptions) {
    this.root = path.resolve(options.root);
    this.tmpDir = path.join(this.root, 'tmp');
    this.quota = new Quota(options.quotaBytes, () => directorySize(this.root, this.tmpDir));
  }

  pathOf(sha256: string): string {
    return path.join(this.root, contentKey(sha256));
  }

  async stage(source: Readable, options: StageOptions = {}): Promise<StagedFile> {
    placementThread.warm(); // booting while the upload streams in
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
    // The staged file is flushed by the first job that links it, and only then (placement.ts).
    let synced = false;
    const place = async (): Promise<boolean> => {
      const done = await placementThread.run({ spool: spooled.path, target, synced });
      synced = done.synced;
      return done.placed;
    };
    let discarded = false;
    return {
      sha256,
      size,
      bytes: spooled.bytes,
      commit: async () => {
        try {
          const created = await place();
          ticket.close(created ? size : 0);
          return { created };
        } catch (err) {
          throw isOutOfSpace(err) ? storageFull() : err;
        }
      },
      ensureStored: async () => {
        if (discarded) throw new Error(`staged ${sha256}: discarded, it can no longer be stored`);
        try {
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
