// Listing the S3 evidence bucket (ListObjectsV2) for the start-up orphan sweep: the bounded XML parser on
// AWS's documented answer and on answers it must refuse, then S3FileStore.listObjects on loopback against
// the signature-checking test server (the query string signed as AWS's own signer computes it, pages
// followed, only content addresses yielded, errors thrown) and s3rver (third-party XML).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  S3FileStore,
  type S3FileStoreOptions,
  type StoredObjectPage,
} from '../../../src/infra/storage/s3-file-store.ts';
import { MAX_LIST_PAGE_BYTES, S3ListError, parseListObjectsV2 } from '../../../src/infra/storage/s3-list.ts';
import { type S3TestServer, startS3TestServer } from '../../support/s3-test-server.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const keyOf = (s: string) => `${s.slice(0, 2)}/${s.slice(2, 4)}/${s}`;

const page = (inner: string, root = 'ListBucketResult') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${inner}</${root}>`;
const obj = (key: string, modified = '2009-10-12T17:50:30.000Z') =>
  `<Contents><Key>${key}</Key><LastModified>${modified}</LastModified><ETag>"fba9dede5f27731c9771645a39863328"</ETag><Size>434234</Size><StorageClass>STANDARD</StorageClass></Contents>`;

describe('parseListObjectsV2', () => {
  it("reads AWS's documented answer: keys, dates, truncation and the next token", () => {
    const xml = page(
      `<Name>bucket</Name><Prefix/><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>true</IsTruncated>` +
        `<NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>` +
        `<!-- a comment --><Contents><Key>my-image.jpg</Key><LastModified>2009-10-12T17:50:30.000Z</LastModified><Owner><ID>x</ID><DisplayName>y</DisplayName></Owner></Contents>` +
        obj('Tài liệu &amp; &lt;biên bản&gt; &#x1F4C4;&#65;'),
    );
    expect(parseListObjectsV2(xml, 2)).toEqual({
      bucket: 'bucket',
      objects: [
        { key: 'my-image.jpg', lastModified: new Date('2009-10-12T17:50:30.000Z') },
        { key: 'Tài liệu & <biên bản> 📄A', lastModified: new Date('2009-10-12T17:50:30.000Z') },
      ],
      nextContinuationToken: '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=',
    });
    expect(parseListObjectsV2(page('<IsTruncated>false</IsTruncated>'), 1000)).toEqual({
      bucket: undefined,
      objects: [],
      nextContinuationToken: undefined,
    });
    // s3rver's answer: <Prefix></Prefix>, a token also when not truncated is ignored
    expect(
      parseListObjectsV2(page(`<Prefix></Prefix><IsTruncated>false</IsTruncated>${obj('a')}`), 5).objects,
    ).toHaveLength(1);
  });

  it.each([
    [
      'a DOCTYPE (no entity can be declared: no "billion laughs")',
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><ListBucketResult><Contents><Key>&lol;</Key></Contents></ListBucketResult>`,
    ],
    ['an unknown entity', page(obj('&lol;'))],
    ['a bare ampersand', page(obj('a & b'))],
    ['mismatched tags', page('<Contents><Key>a</Contents></Key>')],
    ['an unterminated document', page(obj('a')).slice(0, -5)],
    ['two roots', page('') + page('')],
    ['an S3 error document', page('<Code>AccessDenied</Code>', 'Error')],
    ['more objects than asked for', page(obj('a') + obj('b') + obj('c'))],
    ['an object without a key', page('<Contents><LastModified>2009-10-12T17:50:30.000Z</LastModified></Contents>')],
    [
      'an object with two keys',
      page('<Contents><Key>a</Key><Key>b</Key><LastModified>2009-10-12T17:50:30.000Z</LastModified></Contents>'),
    ],
    ['a date that is not UTC ISO 8601', page(obj('a', 'Mon, 12 Oct 2009 17:50:30 GMT'))],
    ['a date that does not exist', page(obj('a', '2009-13-45T17:50:30.000Z'))],
    ['IsTruncated that is neither true nor false', page('<IsTruncated>yes</IsTruncated>')],
    ['a truncated page without a token', page(`<IsTruncated>true</IsTruncated>${obj('a')}`)],
    ['nesting far deeper than S3 answers', page('<a><b><c><d><e><f><g><h><i>x</i></h></g></f></e></d></c></b></a>')],
    ['a flood of elements', page('<x/>'.repeat(200))],
    ['a page past the size bound', page(`<Name>${'x'.repeat(MAX_LIST_PAGE_BYTES)}</Name>`)],
  ])('refuses %s', (_what, xml) => {
    expect(() => parseListObjectsV2(xml, 2)).toThrow(S3ListError);
  });
});

const spoolRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-s3list-'));
afterAll(() => fs.rmSync(spoolRoot, { recursive: true, force: true }));
async function collect(pages: AsyncIterable<StoredObjectPage>) {
  const all: StoredObjectPage[] = [];
  for await (const p of pages) all.push(p);
  return all;
}

describe('S3FileStore.listObjects against the signature-checking test server', () => {
  let server: S3TestServer;
  let options: Omit<S3FileStoreOptions, 'tmpDir'>;
  const shas = Array.from({ length: 7 }, () => sha(randomBytes(16))).sort();
  beforeAll(async () => {
    server = await startS3TestServer();
    options = {
      endpoint: server.endpoint,
      bucket: server.bucket,
      region: server.region,
      ...server.credentials,
      forcePathStyle: true,
      retry: { timeoutMs: 400, retries: 1, backoffMs: 20 },
    };
    shas.forEach((s, i) => server.putObject(keyOf(s), Buffer.from(s), new Date(Date.UTC(2025, 0, 1 + i))));
    // Not content addresses: a note beside the evidence, wrong fan-out, a name that is not a digest.
    server.putObject('ghi-chú/đọc trước.txt', Buffer.from('x'));
    server.putObject(`00/00/${shas[0]}`, Buffer.from('x'));
    server.putObject('ab/cd/not-a-digest', Buffer.from('x'));
  });
  afterAll(() => server.close());
  const store = (extra: Partial<S3FileStoreOptions> = {}) =>
    new S3FileStore({ ...options, tmpDir: path.join(spoolRoot, 'spool'), ...extra });

  it('follows the pages (signed continuation tokens) and yields only content addresses with their LastModified', async () => {
    const before = server.log.length;
    const pages = await collect(store().listObjects({ pageSize: 3 }));
    const lists = server.log.slice(before);
    expect(lists).toHaveLength(4); // 10 objects, 3 a page; every request's signature (query included) accepted
    expect(lists[0]).toBe(`GET /${server.bucket}?list-type=2&max-keys=3`);
    // Each next page asks after the previous page's last key, by the server's token (base64), URL-encoded:
    // the whole request is compared, as the token may or may not hold a '+', '/' or '=' (the keys are random).
    const keys = [...shas.map(keyOf), 'ghi-chú/đọc trước.txt', `00/00/${shas[0]}`, 'ab/cd/not-a-digest'].sort((a, b) =>
      Buffer.compare(Buffer.from(a), Buffer.from(b)),
    );
    expect(lists.slice(1)).toEqual(
      [2, 5, 8].map(
        (i) =>
          `GET /${server.bucket}?list-type=2&max-keys=3&continuation-token=${encodeURIComponent(Buffer.from(keys[i]!).toString('base64'))}`,
      ),
    );
    expect(pages.map((p) => p.listed)).toEqual([3, 3, 3, 1]);
    const content = pages.flatMap((p) => p.content);
    expect(content.map((c) => c.sha256)).toEqual(shas);
    expect(content.map((c) => c.lastModified)).toEqual(shas.map((_, i) => new Date(Date.UTC(2025, 0, 1 + i))));
  });

  it('lists under the key prefix only', async () => {
    const prefixed = sha(Buffer.from('prefixed'));
    server.putObject(`thuocdo/${keyOf(prefixed)}`, Buffer.from('x'));
    try {
      const pages = await collect(store({ keyPrefix: 'thuocdo/' }).listObjects());
      expect(pages.flatMap((p) => p.content.map((c) => c.sha256))).toEqual([prefixed]);
      expect(server.log.at(-1)).toBe(`GET /${server.bucket}?list-type=2&max-keys=1000&prefix=thuocdo%2F`);
    } finally {
      await store({ keyPrefix: 'thuocdo/' }).delete(prefixed);
    }
  });

  it('a 503 is retried; a server error on every attempt, or a refused key, throws', async () => {
    server.faults = [{ kind: 'status', status: 503, method: 'LIST' }];
    expect((await collect(store().listObjects())).flatMap((p) => p.content)).toHaveLength(shas.length);
    server.faults = [0, 1].map(() => ({ kind: 'status' as const, status: 500, method: 'LIST' }));
    await expect(collect(store().listObjects())).rejects.toMatchObject({ code: 'SERVER_BUSY' });
    await expect(collect(store({ secretAccessKey: 'sai' }).listObjects())).rejects.toThrow(/LIST .*HTTP 403/);
    // A server that stops answering after the first page: that page was yielded, then the listing fails.
    const seen: number[] = [];
    const failing = (async () => {
      for await (const p of store().listObjects({ pageSize: 5 })) {
        seen.push(p.listed);
        server.faults = [0, 1].map(() => ({ kind: 'stall' as const, afterBytes: 0, method: 'LIST' }));
      }
    })();
    await expect(failing).rejects.toMatchObject({ code: 'SERVER_BUSY' });
    expect(seen).toEqual([5]);
  });
});

describe('S3FileStore.listObjects refuses a server that', () => {
  let answer: (query: URLSearchParams) => string;
  let server: http.Server;
  let endpoint: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      res.writeHead(200, { 'content-type': 'application/xml' }).end(answer(url.searchParams));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));
  const list = () =>
    collect(
      new S3FileStore({
        endpoint,
        bucket: 'minh-chung',
        region: 'r',
        accessKeyId: 'a',
        secretAccessKey: 'b',
        forcePathStyle: true,
        tmpDir: path.join(spoolRoot, 'raw'),
      }).listObjects({ pageSize: 2 }),
    );
  const a = keyOf('a'.repeat(64));
  const b = keyOf('b'.repeat(64));

  it('repeats a page under a new token (it would loop forever)', async () => {
    let n = 0;
    answer = () =>
      page(`<IsTruncated>true</IsTruncated><NextContinuationToken>t${++n}</NextContinuationToken>${obj(a)}${obj(b)}`);
    await expect(list()).rejects.toThrow(/does not follow/);
    expect(n).toBe(2);
  });

  it('hands back the token it was given', async () => {
    answer = (q) =>
      page(
        `<IsTruncated>true</IsTruncated><NextContinuationToken>same</NextContinuationToken>${q.has('continuation-token') ? '' : obj(a)}`,
      );
    await expect(list()).rejects.toThrow(/same continuation token twice/);
  });

  it('lists keys out of order, or another bucket', async () => {
    answer = () => page(`<IsTruncated>false</IsTruncated>${obj(b)}${obj(a)}`);
    await expect(list()).rejects.toThrow(/does not follow/);
    answer = () => page(`<Name>bucket-khac</Name><IsTruncated>false</IsTruncated>${obj(a)}`);
    await expect(list()).rejects.toThrow(/lists bucket bucket-khac/);
  });
});

describe('S3FileStore.listObjects against s3rver', () => {
  let server: S3rver;
  let directory: string;
  let options: S3FileStoreOptions;
  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-s3rver-list-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: 'minh-chung' }],
    });
    const { port } = await server.run();
    options = {
      endpoint: `http://127.0.0.1:${port}`,
      bucket: 'minh-chung',
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
      tmpDir: path.join(spoolRoot, 's3rver'),
    };
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  // Its XML and dates only: s3rver's continuation tokens need a cipher OpenSSL 3 no longer offers
  // (ERR_OSSL_EVP_UNSUPPORTED), so paging is checked against the test server above.
  it('reads its listing: keys in order, dates', async () => {
    const s = new S3FileStore(options);
    const stored: string[] = [];
    for (let i = 0; i < 5; i++) stored.push((await s.put(Readable.from([randomBytes(100)]))).sha256);
    const started = Date.now();
    const pages = await collect(s.listObjects());
    expect(pages.map((p) => p.listed)).toEqual([5]);
    const content = pages.flatMap((p) => p.content);
    expect(content.map((c) => c.sha256)).toEqual([...stored].sort());
    for (const c of content) expect(Math.abs(c.lastModified.getTime() - started)).toBeLessThan(60_000);
  });
});
