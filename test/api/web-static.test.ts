// Issue 16: the built web app is sent precompressed (the .br/.gz the build writes beside each text file)
// with `Vary: Accept-Encoding`; hashed assets are cached for a year (immutable), the HTML pages (and the
// client-side routes falling back to them) are always revalidated, the rest for an hour. A small web
// directory is built here with the build's own precompression step.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/precompress-web.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/infra/config.ts';
import type { App } from '../../src/server/http/route-types.ts';
import type { Database } from '../../src/db/client.ts';
import { createTestDatabase } from '../support/test-db.ts';

let database: Database;
let app: App;
let webDir: string;
const JS = `export const greeting = ${JSON.stringify('Xin chào '.repeat(400))};\n`;
const CSS = `.as-form { display: flex; }\n`.repeat(200);
const HTML = `<!doctype html><html lang="vi"><head><script type="module" src="/assets/main-AbC123.js"></script></head><body>${'<div></div>'.repeat(100)}</body></html>`;

beforeAll(async () => {
  webDir = await mkdtemp(path.join(os.tmpdir(), 'thuocdo-web-'));
  await mkdir(path.join(webDir, 'assets'));
  await mkdir(path.join(webDir, 'huong-dan'));
  await writeFile(path.join(webDir, 'index.html'), HTML);
  await writeFile(path.join(webDir, 'portal.html'), HTML.replace('main-AbC123', 'portal-XyZ789'));
  await writeFile(path.join(webDir, 'assets/main-AbC123.js'), JS);
  await writeFile(path.join(webDir, 'assets/main-AbC123.css'), CSS);
  await writeFile(path.join(webDir, 'assets/logo-Q1w2E3.png'), Buffer.alloc(2000, 7));
  await writeFile(path.join(webDir, 'huong-dan/README.md'), '# Hướng dẫn\n'.repeat(100));
  const sizes = precompressDir(webDir);
  expect(sizes.map((f) => f.file).sort()).toEqual([
    'assets/main-AbC123.css',
    'assets/main-AbC123.js',
    'huong-dan/README.md',
    'index.html',
    'portal.html',
  ]);
  database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', THUOCDO_DATA_DIR: 'test/.tmp/data' });
  app = await buildApp({ db: database.db, database, config, webDir });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  await rm(webDir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('the built web app', () => {
  it('a hashed script: brotli when accepted, else gzip, else the plain file; Vary: Accept-Encoding; a year, immutable', async () => {
    const br = await get('/assets/main-AbC123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(JS);
    expect(br.rawPayload.length).toBeLessThan(JS.length / 5);

    const gz = await get('/assets/main-AbC123.css', { 'accept-encoding': 'gzip' });
    expect([gz.headers['content-encoding'], gz.headers['cache-control']]).toEqual(['gzip', IMMUTABLE]);
    expect(gz.headers['content-type']).toMatch(/text\/css/);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(CSS);

    const plain = await get('/assets/main-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(JS);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('an image is sent as is (no compressed copy), still immutable', async () => {
    const png = await get('/assets/logo-Q1w2E3.png', { 'accept-encoding': 'br, gzip' });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['cache-control']).toBe(IMMUTABLE);
    expect(png.rawPayload.length).toBe(2000);
  });

  it('the HTML pages and the client-side routes that fall back to them: compressed, always revalidated (no-cache), 304 on the ETag', async () => {
    for (const [url, page] of [
      ['/index.html', 'main-AbC123'],
      ['/assessments/123', 'main-AbC123'],
      ['/cong-khai/ket-qua', 'portal-XyZ789'],
    ] as const) {
      const res = await get(url, { 'accept-encoding': 'br, gzip' });
      expect([url, res.statusCode, res.headers['content-encoding'], res.headers['cache-control']]).toEqual([
        url,
        200,
        'br',
        'no-cache',
      ]);
      expect(brotliDecompressSync(res.rawPayload).toString()).toContain(page);
      const again = await get(url, { 'accept-encoding': 'br, gzip', 'if-none-match': res.headers.etag as string });
      expect([url, again.statusCode]).toEqual([url, 304]);
    }
  });

  it('the user guide: compressed, an hour', async () => {
    const res = await get('/huong-dan/README.md', { 'accept-encoding': 'gzip' });
    expect([res.headers['content-encoding'], res.headers['cache-control']]).toEqual(['gzip', 'public, max-age=3600']);
  });

  it('unknown /api paths still answer the JSON 404', async () => {
    const res = await get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
