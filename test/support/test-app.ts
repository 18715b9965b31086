// The real application in-process (Fastify inject) on a fresh database with the fixture province.
// `as(username)` logs in once and returns a client that sends the session cookie and CSRF token.
import type { FastifyBaseLogger, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/infra/config.ts';
import type { App } from '../../src/server/http/route-types.ts';
import type { Database } from '../../src/db/client.ts';
import type { ParsePool } from '../../src/infra/imports/parse-pool.ts';
import type { FileStore } from '../../src/infra/storage/file-store.ts';
import { PASSWORD, type Fixture, seedFixture } from './fixtures.ts';
import { createTestDatabase } from './test-db.ts';

export interface Client {
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  upload(url: string, filename: string, content: Buffer, contentType?: string): Promise<LightMyRequestResponse>;
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: App;
  database: Database;
  fixture: Fixture;
  unit(code: string): string;
  user(username: string): string;
  as(username: string, password?: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export function multipartBody(filename: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----thuocdo${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

function client(app: App, cookie: string, csrf: string): Client {
  const headers = (extra?: Record<string, string>) => ({
    ...(cookie ? { cookie } : {}),
    ...(csrf ? { 'x-csrf-token': csrf } : {}),
    ...extra,
  });
  const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown, extra?: Record<string, string>) =>
    app.inject({ method, url, headers: headers(extra), ...(body === undefined ? {} : { payload: body as object }) });
  return {
    cookie,
    csrf,
    get: (url, extra) => app.inject({ method: 'GET', url, headers: headers(extra) }),
    post: (url, body, extra) => send('POST', url, body, extra),
    patch: (url, body) => send('PATCH', url, body),
    put: (url, body) => send('PUT', url, body),
    delete: (url) => app.inject({ method: 'DELETE', url, headers: headers() }),
    upload: (url, filename, content, type) => {
      const mp = multipartBody(filename, content, type);
      return app.inject({
        method: 'POST',
        url,
        headers: headers({ 'content-type': mp.contentType }),
        payload: mp.payload,
      });
    },
  };
}

/**
 * `clock` fixes the server time (deadline and lateness tests); absent → the system clock. `fileStore`: a
 * store the test can look into. `env`: more configuration variables (e.g. TRUSTED_PROXIES). `parsePool`: the
 * import worker threads, when the test counts what they read (the app does not close it). `logger`: where
 * the app logs (none by default).
 */
export async function createTestApp(
  options: {
    clock?: () => Date;
    fileStore?: FileStore;
    env?: Record<string, string>;
    parsePool?: ParsePool;
    logger?: FastifyBaseLogger;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const fixture = await seedFixture(database.db);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    THUOCDO_DATA_DIR: 'test/.tmp/data',
    ...options.env,
  });
  const app = await buildApp(
    {
      db: database.db,
      database,
      config,
      webDir: '/nonexistent',
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.fileStore ? { fileStore: options.fileStore } : {}),
      ...(options.parsePool ? { parsePool: options.parsePool } : {}),
    },
    options.logger ? { logger: options.logger } : {},
  );
  await app.ready();
  const sessions = new Map<string, Client>();
  return {
    app,
    database,
    fixture,
    unit: (code) =>
      fixture.unitIds.get(code) ??
      (() => {
        throw new Error(`no unit ${code}`);
      })(),
    user: (name) =>
      fixture.userIds.get(name) ??
      (() => {
        throw new Error(`no user ${name}`);
      })(),
    anonymous: client(app, '', ''),
    async as(username, password = PASSWORD) {
      const cached = sessions.get(username);
      if (cached && password === PASSWORD) return cached;
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookies = res.cookies as { name: string; value: string }[];
      const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const c = client(app, cookie, res.json().csrfToken);
      if (password === PASSWORD) sessions.set(username, c);
      return c;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
