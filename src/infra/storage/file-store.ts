// The evidence file store: content-addressed blobs (the SHA-256 of the bytes is the name), so identical
// content is kept once however many documents point at it. Uploads are two-phase: `stage` streams the
// bytes to a private temp file while hashing and counting them (only the first 64 KiB are held in
// memory, for sniffing), the caller inspects the staged bytes (content sniffing), then `commit` places
// them under their content address, and `discard` removes the staged copy. A failed, aborted or oversized
// upload therefore never leaves a file behind. The staged copy outlives `commit` until `discard`: an upload
// records its rows after placing the bytes, without holding the file's lock in between, and `ensureStored`
// puts the bytes back if a remover of the same content took them in that gap (decision 0031).
import type { Readable } from 'node:stream';
import type { ByteSource } from './sniff.ts';

export interface StageOptions {
  /** Refuse with FILE_TOO_LARGE past this many bytes (the temp file is removed). */
  maxBytes?: number;
}

export interface StagedFile {
  sha256: string;
  size: number;
  /** Random access to the staged bytes, for content sniffing before commit. */
  bytes: ByteSource;
  /** Stores the bytes under their content address; `created` is false when they were already there. */
  commit(): Promise<{ created: boolean }>;
  /**
   * After the rows naming the content committed: stores the bytes again if they are gone — a remover of the
   * same content (which only removes bytes no row names) ran between `commit` and those rows. Before `discard`.
   */
  ensureStored(): Promise<void>;
  /** Removes the staged copy (the stored bytes, once committed, stay). Idempotent; never throws. */
  discard(): Promise<void>;
}

export interface ByteRange {
  /** Inclusive offsets, like HTTP Range. */
  start: number;
  end: number;
}

export interface FileStore {
  readonly kind: 'local' | 's3';
  stage(source: Readable, options?: StageOptions): Promise<StagedFile>;
  /** stage + commit in one step. */
  put(source: Readable, options?: StageOptions): Promise<{ sha256: string; size: number; created: boolean }>;
  /** The stored bytes (or a range of them); null when no such content is stored. */
  get(sha256: string, range?: ByteRange): Promise<Readable | null>;
  has(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** `ab/cd/<sha256>`: two levels of fan-out keep directories small on a local disk. */
export function contentKey(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** stage() then commit(), discarding on any failure: the shared body of `put`. */
export async function stageAndCommit(store: FileStore, source: Readable, options?: StageOptions) {
  const staged = await store.stage(source, options);
  try {
    const { created } = await staged.commit();
    return { sha256: staged.sha256, size: staged.size, created };
  } finally {
    await staged.discard();
  }
}
