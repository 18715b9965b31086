// Evidence files in an S3-compatible bucket (AWS S3, MinIO, Ceph, a provider's object storage), same
// contract as LocalFileStore. Uploads are spooled to a local temp file first: that is where the SHA-256
// (the object key and the signed x-amz-content-sha256) and the size (Content-Length) come from, and it
// lets the content be sniffed before anything reaches the bucket.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  type ByteRange,
  type FileStore,
  type StageOptions,
  type StagedFile,
  SHA256_HEX,
  contentKey,
  stageAndCommit,
} from './file-store.ts';
import { Quota } from './quota.ts';
import {
  DEFAULT_S3_RETRY,
  type S3RequestInit,
  type S3Response,
  type S3RetryPolicy,
  s3Request,
} from './s3-transport.ts';
import { MAX_LIST_PAGE_BYTES, S3ListError, parseListObjectsV2 } from './s3-list.ts';
import { uriEncode } from './sigv4.ts';
import { spoolToTemp } from './spool.ts';
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
  /** Stall timeout, retries and backoff (S3_TIMEOUT_MS, S3_RETRIES); defaults in DEFAULT_S3_RETRY. */
  retry?: Partial<S3RetryPolicy>;
}

/** An object of the bucket whose key is a content address (`<keyPrefix>ab/cd/<sha256>`). */
export interface StoredObject {
  sha256: string;
  /** The bucket's clock, not ours. */
  lastModified: Date;
}

export interface StoredObjectPage {
  /** Objects on the page, content addresses or not. */
  listed: number;
  /** Those of them that are content addresses: the only candidates the orphan sweep may remove. */
  content: StoredObject[];
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
    if (this.options.forcePathStyle)
      return new URL(`${base.protocol}//${base.host}${basePath}/${this.options.bucket}/${key}`);
    return new URL(`${base.protocol}//${this.options.bucket}.${base.host}${basePath}/${key}`);
  }

  get tmpDir(): string {
    return this.options.tmpDir;
  }

  /** The bucket itself, for ListObjectsV2; the query is encoded as SigV4 canonicalises it. */
  bucketUrl(query: Record<string, string>): URL {
    const base = new URL(this.options.endpoint);
    const basePath = base.pathname.replace(/\/$/, '');
    const url = this.options.forcePathStyle
      ? new URL(`${base.protocol}//${base.host}${basePath}/${this.options.bucket}`)
      : new URL(`${base.protocol}//${this.options.bucket}.${base.host}${basePath}/`);
    url.search = Object.entries(query)
      .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
      .join('&');
    return url;
  }

  private send(method: string, sha256: string, init: S3RequestInit = {}) {
    return this.sendTo(method, this.objectUrl(sha256), init);
  }

  private sendTo(method: string, url: URL, init: S3RequestInit = {}) {
    const o = this.options;
    const credentials = {
      accessKeyId: o.accessKeyId,
      secretAccessKey: o.secretAccessKey,
      sessionToken: o.sessionToken,
    };
    return s3Request({ region: o.region, credentials, retry: { ...DEFAULT_S3_RETRY, ...o.retry } }, method, url, init);
  }

  /**
   * Every object under the key prefix, a ListObjectsV2 page at a time (`pageSize` ≤ 1000 keys, so memory
   * stays bounded however large the bucket), each with its LastModified. Needs s3:ListBucket. Throws on a
   * server error (after the transport's retries) or an answer that cannot be a real listing — a malformed or
   * oversized page, another bucket's page, more keys than asked for, a truncated page without a token, keys that do not ascend (S3
   * lists in key order; a server repeating itself would otherwise loop forever) — so a caller never mistakes
   * a broken listing for a complete one.
   */
  async *listObjects(options: { pageSize?: number } = {}): AsyncGenerator<StoredObjectPage> {
    const pageSize = options.pageSize ?? 1000;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000)
      throw new RangeError(`pageSize must be 1…1000: ${pageSize}`);
    const prefix = this.options.keyPrefix ?? '';
    let token: string | undefined;
    let lastKey: Buffer | undefined;
    do {
      const query: Record<string, string> = { 'list-type': '2', 'max-keys': String(pageSize) };
      if (prefix) query.prefix = prefix;
      if (token !== undefined) query['continuation-token'] = token;
      const res = await this.sendTo('GET', this.bucketUrl(query));
      if (!res.ok || !res.body) {
        const text = await res.text().catch(() => '');
        throw new Error(`S3 LIST ${this.options.bucket}: HTTP ${res.status} ${text.slice(0, 300)}`);
      }
      const page = parseListObjectsV2(await readBounded(res.body, MAX_LIST_PAGE_BYTES), pageSize);
      if (page.bucket !== undefined && page.bucket !== this.options.bucket)
        throw new S3ListError(`refused listing: the answer lists bucket ${page.bucket}`);
      const content: StoredObject[] = [];
      for (const { key, lastModified } of page.objects) {
        const bytes = Buffer.from(key);
        if (lastKey && Buffer.compare(bytes, lastKey) <= 0)
          throw new S3ListError(`refused listing: key ${key} does not follow ${lastKey.toString()}`);
        lastKey = bytes;
        const sha256 = key.startsWith(prefix) ? key.slice(prefix.length).split('/').pop()! : '';
        if (SHA256_HEX.test(sha256) && key === `${prefix}${contentKey(sha256)}`) content.push({ sha256, lastModified });
      }
      if (page.nextContinuationToken !== undefined && page.nextContinuationToken === token)
        throw new S3ListError('refused listing: the same continuation token twice');
      token = page.nextContinuationToken;
      yield { listed: page.objects.length, content };
    } while (token !== undefined);
  }

  async stage(source: Readable, options: StageOptions = {}): Promise<StagedFile> {
    const ticket = await this.quota.open().catch((err: unknown) => {
      source.destroy();
      throw err;
    });
    const spooled = await spoolToTemp(source, this.options.tmpDir, {
      maxBytes: options.maxBytes,
      onProgress: (n) => ticket.check(n),
    }).catch((err: unknown) => {
      ticket.close(0);
      throw err;
    });
    const putObject = async () => {
      await spooled.close(); // the PUT streams the file by its name
      const res = await this.send('PUT', spooled.sha256, {
        body: () => createReadStream(spooled.path, { highWaterMark: 1024 * 1024 }), // fewer, larger writes to the socket
        payloadHash: spooled.sha256,
        headers: { 'content-length': String(spooled.size), 'content-type': 'application/octet-stream' },
      });
      if (!res.ok) await this.fail('PUT', spooled.sha256, res);
    };
    let discarded = false;
    return {
      sha256: spooled.sha256,
      size: spooled.size,
      bytes: spooled.bytes,
      commit: async () => {
        if (await this.has(spooled.sha256)) {
          ticket.close(0);
          return { created: false };
        }
        await putObject();
        ticket.close(spooled.size);
        return { created: true };
      },
      // The staged file stays until discard (decision 0031): a HEAD, and the PUT again only if a remover took
      // the object between commit and the rows naming it.
      ensureStored: async () => {
        if (discarded) throw new Error(`staged ${spooled.sha256}: discarded, it can no longer be stored`);
        if (await this.has(spooled.sha256)) return;
        await putObject();
        this.quota.added(spooled.size);
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
    const res = await this.send(
      'GET',
      sha256,
      range ? { headers: { range: `bytes=${range.start}-${range.end}` } } : {},
    );
    if (res.status === 404) return null;
    if (!res.ok || !res.body) await this.fail('GET', sha256, res);
    return res.body!;
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

  private async fail(method: string, sha256: string, res: S3Response): Promise<never> {
    const text = await res.text().catch(() => '');
    if (res.status === 507 || /QuotaExceeded|InsufficientStorage|XMinioStorageFull/.test(text)) throw storageFull();
    throw new Error(`S3 ${method} ${sha256}: HTTP ${res.status} ${text.slice(0, 300)}`);
  }
}

/** The whole body as UTF-8, refused (and the download cut) past `maxBytes`. */
async function readBounded(body: Readable, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      body.destroy();
      throw new S3ListError(`refused listing: page larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
