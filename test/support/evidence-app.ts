// An API test app whose evidence store is a LocalFileStore in its own temporary directory (so tests can
// look at the disk), with optional configuration overrides (size limit, quota).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/infra/config.ts';
import type { App } from '../../src/server/http/route-types.ts';
import { LocalFileStore } from '../../src/infra/storage/local-file-store.ts';
import type { Database } from '../../src/db/client.ts';
import { PASSWORD, type Fixture, seedFixture } from './fixtures.ts';
import { createTestDatabase } from './test-db.ts';

export interface EvidenceClient {
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  /** Multipart with the file and text fields (fields first, as browsers send FormData in order). */
  upload(
    url: string,
    filename: string,
    content: Buffer,
    fields?: Record<string, string>,
    type?: string,
  ): Promise<LightMyRequestResponse>;
  cookie: string;
  csrf: string;
}

export interface EvidenceTestApp {
  app: App;
  database: Database;
  fixture: Fixture;
  store: LocalFileStore;
  unit(code: string): string;
  as(username: string): Promise<EvidenceClient>;
  anonymous: EvidenceClient;
  /** Every regular file under the store root (tmp/ included). */
  filesOnDisk(): string[];
  close(): Promise<void>;
}

export function multipart(
  filename: string,
  content: Buffer,
  fields: Record<string, string> = {},
  type = 'application/octet-stream',
) {
  const boundary = `----thuocdoEv${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
  );
  parts.push(content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function client(app: App, cookie: string, csrf: string): EvidenceClient {
  const headers = (extra?: Record<string, string>) => ({
    ...(cookie ? { cookie } : {}),
    ...(csrf ? { 'x-csrf-token': csrf } : {}),
    ...extra,
  });
  return {
    cookie,
    csrf,
    get: (url, extra) => app.inject({ method: 'GET', url, headers: headers(extra) }),
    post: (url, body) =>
      app.inject({
        method: 'POST',
        url,
        headers: headers(),
        ...(body === undefined ? {} : { payload: body as object }),
      }),
    patch: (url, body) => app.inject({ method: 'PATCH', url, headers: headers(), payload: body as object }),
    delete: (url) => app.inject({ method: 'DELETE', url, headers: headers() }),
    upload: (url, filename, content, fields, type) => {
      const mp = multipart(filename, content, fields, type);
      return app.inject({
        method: 'POST',
        url,
        headers: headers({ 'content-type': mp.contentType }),
        payload: mp.payload,
      });
    },
  };
}

export async function createEvidenceTestApp(env: Record<string, string> = {}): Promise<EvidenceTestApp> {
  const database = await createTestDatabase();
  const fixture = await seedFixture(database.db);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', THUOCDO_DATA_DIR: 'test/.tmp/data', ...env });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-ev-'));
  const store = new LocalFileStore({ root, quotaBytes: config.evidenceQuotaBytes });
  // EVIDENCE_STORE=s3: the app builds its configured store itself, as in production (`store` is then unused).
  const fileStore = config.evidenceStore.kind === 's3' ? undefined : store;
  const app = await buildApp({ db: database.db, database, config, webDir: '/nonexistent', fileStore });
  await app.ready();
  const sessions = new Map<string, EvidenceClient>();
  return {
    app,
    database,
    fixture,
    store,
    unit: (code) =>
      fixture.unitIds.get(code) ??
      (() => {
        throw new Error(`no unit ${code}`);
      })(),
    anonymous: client(app, '', ''),
    async as(username) {
      const cached = sessions.get(username);
      if (cached) return cached;
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = (res.cookies as { name: string; value: string }[]).map((c) => `${c.name}=${c.value}`).join('; ');
      const c = client(app, cookie, res.json().csrfToken);
      sessions.set(username, c);
      return c;
    },
    filesOnDisk: () =>
      (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
        .filter((e) => e.isFile())
        .map((e) => path.relative(root, path.join(e.parentPath, e.name))),
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
