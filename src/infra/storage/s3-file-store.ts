// Evidence files in an S3-compatible bucket (AWS S3, MinIO, Ceph, a provider's object storage), same
// contract as LocalFileStore. Uploads are spooled to a local temp file first: that is where the SHA-256
// (the object key and the signed x-amz-content-sha256) and the size (Content-Length) come from, and it
// lets the content be sniffed before anything reaches the bucket.
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { type ByteRange, type FileStore, type StageOptions, type StagedFile, contentKey, stageAndCommit } from './file-store.ts';
import { Quota } from './quota.ts';
import { EMPTY_SHA256, signRequest, toAmzDate } from './sigv4.ts';
import { fileByteSource, spoolToTemp } from './spool.ts';
import { storageFull } from './storage-errors.ts';

export interface S3FileStoreOptions {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** https://host/bucket/key (MinIO and most self-hosted stores) rather than https://bucket.host/key. */
  forcePathStyle: boolean;
  /** Local directory for spooling uploads. */
  tmpDir: string;
  keyPrefix?: string;
  quotaBytes?: number;
  /** Bytes already stored (listing a bucket is slow; the database knows). */
  usedBytes?: () => Promise<number>;
}

export class S3FileStore implements FileStore {
  readonly kind = 's3' as const;
  private readonly quota: Quota;

  constructor(private readonly options: S3FileStoreOptions) {
    this.quota = new Quota(options.quotaBytes, options.usedBytes ?? (async () => 0));
  }

  objectUrl(sha256: string): URL {
    const base = new URL(this.options.endpoint);
    const key = `${this.options.keyPrefix ?? ''}${contentKey(sha256)}`;
    const basePath = base.pathname.replace(/\/$/, '');
    if (this.options.forcePathStyle) return new URL(`${base.protocol}//${base.host}${basePath}/${this.options.bucket}/${key}`);
    return new URL(`${base.protocol}//${this.options.bucket}.${base.host}${basePath}/${key}`);
  }

  private async send(method: string, sha256: string, init: { headers?: Record<string, string>; body?: Readable; payloadHash?: string } = {}) {
    const url = this.objectUrl(sha256);
    const payloadHash = init.payloadHash ?? EMPTY_SHA256;
    const signed: Record<string, string> = { host: url.host, 'x-amz-date': toAmzDate(new Date()), 'x-amz-content-sha256': payloadHash };
    if (this.options.sessionToken) signed['x-amz-security-token'] = this.options.sessionToken;
    const { authorization } = signRequest({
      method,
      url,
      headers: signed,
      payloadHash,
      region: this.options.region,
      service: 's3',
      amzDate: signed['x-amz-date']!,
      credentials: this.options,
    });
    const { host: _host, ...sent } = signed; // fetch sets Host from the URL itself
    return fetch(url, {
      method,
      headers: { ...sent, ...init.headers, authorization },
      ...(init.body ? { body: init.body as unknown as BodyInit, duplex: 'half' } : {}),
    } as RequestInit);
  }

  async stage(source: Readable, options: StageOptions = {}): Promise<StagedFile> {
    const ticket = await this.quota.open().catch((err: unknown) => {
      source.destroy();
      throw err;
    });
    const spooled = await spoolToTemp(source, this.options.tmpDir, { maxBytes: options.maxBytes, onProgress: (n) => ticket.check(n) }).catch(
      (err: unknown) => {
        ticket.close(0);
        throw err;
      },
    );
    let settled = false;
    const settle = async (storedBytes: number) => {
      if (!settled) ticket.close(storedBytes);
      settled = true;
      await fs.rm(spooled.path, { force: true }).catch(() => {});
    };
    return {
      sha256: spooled.sha256,
      size: spooled.size,
      bytes: fileByteSource(spooled.path, spooled.size),
      commit: async () => {
        if (await this.has(spooled.sha256)) {
          await settle(0);
          return { created: false };
        }
        const res = await this.send('PUT', spooled.sha256, {
          body: createReadStream(spooled.path),
          payloadHash: spooled.sha256,
          headers: { 'content-length': String(spooled.size), 'content-type': 'application/octet-stream' },
        });
        if (!res.ok) await this.fail('PUT', spooled.sha256, res);
        await settle(spooled.size);
        return { created: true };
      },
      discard: () => settle(0),
    };
  }

  put(source: Readable, options?: StageOptions) {
    return stageAndCommit(this, source, options);
  }

  async get(sha256: string, range?: ByteRange): Promise<Readable | null> {
    const res = await this.send('GET', sha256, range ? { headers: { range: `bytes=${range.start}-${range.end}` } } : {});
    if (res.status === 404) return null;
    if (!res.ok || !res.body) await this.fail('GET', sha256, res);
    return Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
  }

  async has(sha256: string): Promise<boolean> {
    const res = await this.send('HEAD', sha256);
    if (res.status === 404) return false;
    if (!res.ok) await this.fail('HEAD', sha256, res);
    return true;
  }

  async delete(sha256: string): Promise<void> {
    const res = await this.send('DELETE', sha256);
    if (!res.ok && res.status !== 404) await this.fail('DELETE', sha256, res);
  }

  private async fail(method: string, sha256: string, res: Response): Promise<never> {
    const text = await res.text().catch(() => '');
    if (res.status === 507 || /QuotaExceeded|InsufficientStorage|XMinioStorageFull/.test(text)) throw storageFull();
    throw new Error(`S3 ${method} ${sha256}: HTTP ${res.status} ${text.slice(0, 300)}`);
  }
}
