// A small S3-protocol server on 127.0.0.1 for the evidence store's tests, faithful where the store
// depends on S3's behaviour and s3rver is not: every request's SigV4 signature is re-computed by AWS's
// own signer (@smithy/signature-v4, an implementation independent of ours); a PUT is atomic (written to
// a temp file, checked against the signed x-amz-content-sha256 and Content-Length, then renamed — an
// interrupted upload leaves nothing); a bucket can be "full" (QuotaExceeded). Faults are injected per
// request: answer 503, stall (stop reading the upload / stop sending the download) or cut the connection.
// ListObjectsV2 (GET /bucket?list-type=2: prefix, max-keys, continuation-token) lists keys in S3's order with
// their LastModified, which a test can set to age an object.
import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SignatureV4 } from '@smithy/signature-v4';

/** `method` is the HTTP method, or LIST for a ListObjectsV2 request (a GET on the bucket). */
export type S3Fault =
  | { kind: 'status'; status: number; method?: string }
  /** Take `afterBytes` of the upload (or send them of the download), then neither read nor answer. */
  | { kind: 'stall'; afterBytes: number; method?: string }
  /** Take/send `afterBytes`, then destroy the socket. */
  | { kind: 'reset'; afterBytes: number; method?: string };

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  region: string;
  /** Object keys (without the bucket) → size. */
  objects(): Map<string, number>;
  /** Stores an object directly (no request), e.g. an orphan a crashed process left; `lastModified` defaults to now. */
  putObject(key: string, content: Buffer, lastModified?: Date): void;
  /** Sets an object's LastModified (how old it looks to a listing). */
  setLastModified(key: string, date: Date): void;
  /** "METHOD /bucket/key" (with "?query" if any) of every request, in order. */
  log: string[];
  /** Faults consumed one per matching request, in order. */
  faults: S3Fault[];
  /** Bytes the bucket accepts before answering QuotaExceeded (default unlimited). */
  capacityBytes: number;
  /** Temp files of uploads in flight or interrupted: none once a test settles. */
  tempFiles(): string[];
  close(): Promise<void>;
}

type Bytes = string | ArrayBuffer | ArrayBufferView;
const toBuffer = (d: Bytes) =>
  typeof d === 'string'
    ? Buffer.from(d)
    : ArrayBuffer.isView(d)
      ? Buffer.from(d.buffer, d.byteOffset, d.byteLength)
      : Buffer.from(d);

/** node:crypto in the shape @smithy/signature-v4 wants (hash, or HMAC when given a secret). */
class Sha256 {
  private readonly h;
  constructor(secret?: Bytes) {
    this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(secret));
  }
  update(data: Bytes) {
    this.h.update(toBuffer(data));
  }
  digest() {
    return Promise.resolve(new Uint8Array(this.h.digest()));
  }
  reset() {}
}

const xmlError = (res: http.ServerResponse, status: number, code: string) =>
  res
    .writeHead(status, { 'content-type': 'application/xml' })
    .end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`);

export async function startS3TestServer(options: { bucket?: string; region?: string } = {}): Promise<S3TestServer> {
  const bucket = options.bucket ?? 'minh-chung';
  const region = options.region ?? 'vn-hn-1';
  const credentials = { accessKeyId: 'AKIDTHUOCDO', secretAccessKey: 'bí-mật-thử/+=' };
  const signer = new SignatureV4({
    credentials,
    region,
    service: 's3',
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-s3srv-'));
  const objects = new Map<string, string>(); // key → file path
  const modified = new Map<string, Date>(); // key → LastModified
  const sockets = new Set<Socket>();
  const state = { log: [] as string[], faults: [] as S3Fault[], capacityBytes: Number.POSITIVE_INFINITY };
  const used = () => [...objects.values()].reduce((n, f) => n + fs.statSync(f).size, 0);

  async function verify(req: http.IncomingMessage, url: URL): Promise<boolean> {
    const auth = String(req.headers.authorization ?? '');
    const names = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
    const amzDate = String(req.headers['x-amz-date'] ?? '');
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
    if (!m || !names.includes('host')) return false;
    const signingDate = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
    if (Math.abs(Date.now() - signingDate.getTime()) > 15 * 60_000) return false; // RequestTimeTooSkewed
    const headers = Object.fromEntries(names.map((h) => [h, String(req.headers[h] ?? '')]));
    const signed = await signer.sign(
      {
        method: req.method!,
        protocol: 'http:',
        hostname: url.hostname,
        port: Number(url.port),
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
      },
      { signingDate },
    );
    return signed.headers['authorization'] === auth;
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url!, `http://${req.headers.host}`);
    state.log.push(`${req.method} ${url.pathname}${url.search}`);
    const isList = req.method === 'GET' && url.searchParams.get('list-type') === '2';
    const op = isList ? 'LIST' : req.method;
    const i = state.faults.findIndex((f) => !f.method || f.method === op);
    const fault = i >= 0 ? state.faults.splice(i, 1)[0] : undefined;
    if (fault?.kind === 'status') {
      req.resume();
      return xmlError(res, fault.status, fault.status === 503 ? 'SlowDown' : 'InternalError');
    }
    if (!(await verify(req, url))) return xmlError(res, 403, 'SignatureDoesNotMatch');
    if (isList && (url.pathname === `/${bucket}` || url.pathname === `/${bucket}/`)) {
      if (fault?.kind === 'reset') return req.socket.destroy();
      if (fault?.kind === 'stall') return; // never answers: the client's stall timeout must fire
      return list(url, res);
    }
    const prefix = `/${bucket}/`;
    if (!url.pathname.startsWith(prefix)) return xmlError(res, 404, 'NoSuchBucket');
    const key = decodeURIComponent(url.pathname.slice(prefix.length));
    if (req.method === 'PUT') return put(req, res, key, fault);
    const file = objects.get(key);
    if (req.method === 'DELETE') {
      if (file) fs.rmSync(file, { force: true });
      objects.delete(key);
      modified.delete(key);
      return res.writeHead(204).end();
    }
    if (!file) return req.method === 'HEAD' ? res.writeHead(404).end() : xmlError(res, 404, 'NoSuchKey');
    const size = fs.statSync(file).size;
    if (req.method === 'HEAD') return res.writeHead(200, { 'content-length': size }).end();
    if (req.method !== 'GET') return xmlError(res, 405, 'MethodNotAllowed');
    const range = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers.range ?? ''));
    const start = range ? Number(range[1]) : 0;
    const end = range ? Math.min(Number(range[2]), size - 1) : size - 1;
    const head = { 'content-length': end - start + 1, 'content-type': 'application/octet-stream' };
    res.writeHead(range ? 206 : 200, range ? { ...head, 'content-range': `bytes ${start}-${end}/${size}` } : head);
    if (fault) {
      // Send the first bytes, then stall or cut: a server that dies mid-download.
      const part = fs.readFileSync(file).subarray(start, Math.min(end + 1, start + fault.afterBytes));
      res.write(part);
      if (fault.kind === 'reset') setTimeout(() => req.socket.destroy(), 20);
      return;
    }
    fs.createReadStream(file, { start, end }).pipe(res);
  });

  function put(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    key: string,
    fault: Exclude<S3Fault, { kind: 'status' }> | undefined,
  ) {
    const tmp = path.join(dir, `upload-${Date.now()}-${Math.random().toString(16).slice(2)}`);
    const out = fs.createWriteStream(tmp);
    const hash = createHash('sha256');
    let size = 0;
    let stalled = false;
    let done = false;
    out.on('error', () => {});
    // The stream opens its file asynchronously: a drop before that open completes would remove nothing and
    // the open would then create the file. Removing it again once the stream has closed leaves nothing.
    const drop = () => {
      out.once('close', () => fs.rmSync(tmp, { force: true }));
      out.destroy();
      fs.rmSync(tmp, { force: true });
    };
    // An upload the client gives up on (or we cut) leaves nothing: the temp file goes with the socket.
    req.socket.once('close', () => {
      if (!done) drop();
    });
    req.on('data', (chunk: Buffer) => {
      if (stalled || out.destroyed) return; // stalled: swallow the rest, never answer (the client's stall timeout must fire)
      size += chunk.length;
      hash.update(chunk);
      out.write(chunk);
      if (fault && size >= fault.afterBytes) {
        if (fault.kind === 'reset') req.socket.destroy();
        else stalled = true;
      }
    });
    req.on('end', () => {
      if (stalled || req.socket.destroyed) return;
      out.end(() => {
        done = true;
        const refuse = (status: number, code: string) => {
          drop();
          xmlError(res, status, code);
        };
        if (size !== Number(req.headers['content-length'])) return refuse(400, 'IncompleteBody');
        if (hash.digest('hex') !== req.headers['x-amz-content-sha256']) return refuse(400, 'XAmzContentSHA256Mismatch');
        if (used() + size > state.capacityBytes) return refuse(403, 'QuotaExceeded');
        const final = path.join(dir, createHash('sha256').update(key).digest('hex'));
        fs.renameSync(tmp, final); // atomic: readers see the whole object or none
        objects.set(key, final);
        modified.set(key, new Date());
        res.writeHead(200, { etag: '"x"' }).end();
      });
    });
  }

  /** ListObjectsV2: keys in UTF-8 byte order after the token's key; the token is the last key, base64. */
  function list(url: URL, res: http.ServerResponse) {
    const prefix = url.searchParams.get('prefix') ?? '';
    const maxKeys = Math.min(Number(url.searchParams.get('max-keys') ?? 1000), 1000);
    const token = url.searchParams.get('continuation-token');
    const after = token === null ? undefined : Buffer.from(token, 'base64').toString('utf8');
    const keys = [...objects.keys()]
      .filter(
        (k) => k.startsWith(prefix) && (after === undefined || Buffer.compare(Buffer.from(k), Buffer.from(after)) > 0),
      )
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const page = keys.slice(0, maxKeys);
    const truncated = keys.length > page.length;
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const contents = page.map(
      (k) =>
        `<Contents><Key>${esc(k)}</Key><LastModified>${modified.get(k)!.toISOString()}</LastModified>` +
        `<ETag>&quot;x&quot;</ETag><Size>${fs.statSync(objects.get(k)!).size}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
    );
    const next = truncated ? Buffer.from(page[page.length - 1]!).toString('base64') : undefined;
    res
      .writeHead(200, { 'content-type': 'application/xml' })
      .end(
        `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
          `<Name>${bucket}</Name><Prefix>${esc(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys>` +
          `<IsTruncated>${truncated}</IsTruncated>${token === null ? '' : `<ContinuationToken>${esc(token)}</ContinuationToken>`}` +
          `${next ? `<NextContinuationToken>${next}</NextContinuationToken>` : ''}${contents.join('')}</ListBucketResult>`,
      );
  }

  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    bucket,
    region,
    credentials,
    objects: () => new Map([...objects].map(([k, f]) => [k, fs.statSync(f).size])),
    putObject(key: string, content: Buffer, lastModified = new Date()) {
      const file = path.join(dir, createHash('sha256').update(key).digest('hex'));
      fs.writeFileSync(file, content);
      objects.set(key, file);
      modified.set(key, lastModified);
    },
    setLastModified(key: string, date: Date) {
      if (!objects.has(key)) throw new Error(`no object ${key}`);
      modified.set(key, date);
    },
    get log() {
      return state.log;
    },
    get faults() {
      return state.faults;
    },
    set faults(f) {
      state.faults = f;
    },
    get capacityBytes() {
      return state.capacityBytes;
    },
    set capacityBytes(n) {
      state.capacityBytes = n;
    },
    tempFiles: () => fs.readdirSync(dir).filter((f) => f.startsWith('upload-')),
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  } as S3TestServer;
}
