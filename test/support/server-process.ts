// A real `thuocdo serve` process for fault tests: started on 127.0.0.1 with a random port, waited for
// (bounded), killed with SIGKILL or stopped with SIGTERM. Also an HTTP session helper (login, CSRF).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  kill9(): Promise<void>;
  stop(): Promise<number | null>;
}

export function thuocdoSync(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, ['bin/thuocdo.mjs', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
}

export async function startServerProcess(
  env: NodeJS.ProcessEnv,
  args: string[] = [],
  timeoutMs = 90_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['bin/thuocdo.mjs', 'serve', ...args], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const poll = setInterval(() => {
      const m = out.match(/running at: http:\/\/localhost:(\d+)/);
      if (m) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

export interface HttpSession {
  cookie: string;
  csrf: string;
  request(
    method: string,
    path: string,
    body?: unknown,
    base?: string,
  ): Promise<{ status: number; json: () => unknown; text: string }>;
  upload(path: string, filename: string, content: Buffer, base?: string): Promise<{ status: number; text: string }>;
}

export async function login(url: string, username: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  const headers = { cookie, 'x-csrf-token': csrf };
  return {
    cookie,
    csrf,
    async request(method, path, body, base = url) {
      const r = await fetch(`${base}${path}`, {
        method,
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(20_000),
      });
      const text = await r.text();
      return { status: r.status, text, json: () => JSON.parse(text) };
    },
    async upload(path, filename, content, base = url) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(content)]), filename);
      const r = await fetch(`${base}${path}`, {
        method: 'POST',
        headers,
        body: form,
        signal: AbortSignal.timeout(20_000),
      });
      return { status: r.status, text: await r.text() };
    },
  };
}
