// Issue 17: the demo (`thuocdo start`) carries admin/admin123, so it listens on loopback unless HOST is
// given, and its banner says so; with HOST=0.0.0.0 it is reachable from the network and the banner warns.
// On an empty data directory it shows its steps with timings; requests are logged at debug level only.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** This machine's first non-loopback IPv4 address, if it has one (a container may not). */
function lanAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 3000 }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function startDemo(dataDir: string, env: Record<string, string>) {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    THUOCDO_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    NODE_ENV: 'development',
    JOB_WORKER: 'false',
  };
  delete base['HOST'];
  const child = spawn(process.execPath, ['bin/thuocdo.mjs', 'start'], {
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not start:\n${out}`)), 150_000);
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = out.match(/running at: http:\/\/localhost:(\d+)[\s\S]*database/);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`demo exited:\n${out}`)));
  });
  return {
    port,
    output: () => out,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe.skipIf(process.env.THUOCDO_TEST_DB === 'postgres')('demo listen address', { timeout: 240_000 }, () => {
  it('binds loopback unless HOST is set, and the banner says which', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-demo-listen-'));
    dirs.push(dataDir);
    const lan = lanAddress();

    const demo = await startDemo(dataDir, {});
    try {
      expect(demo.output()).toContain('Chỉ nghe trên 127.0.0.1');
      expect(demo.output()).toContain('HOST=0.0.0.0');
      expect(await reachable('127.0.0.1', demo.port)).toBe(true);
      if (lan) expect(await reachable(lan, demo.port)).toBe(false);
      for (const step of [
        'Build giao diện web / build web',
        'Cập nhật cấu trúc CSDL / migrate',
        'Nạp tỉnh mẫu Hà Tĩnh / seed demo',
      ]) {
        expect(demo.output()).toMatch(new RegExp(`\\[\\d\\] ${step}: xong / done \\d+,\\d s`));
      }
      // At LOG_LEVEL=info the demo's console carries no request lines (they are debug level there).
      for (let i = 0; i < 3; i++) expect((await fetch(`http://127.0.0.1:${demo.port}/healthz`)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
      expect(demo.output()).not.toContain('incoming request');
      expect(demo.output()).not.toContain('"msg":"request"');
    } finally {
      await demo.stop();
    }

    const open = await startDemo(dataDir, { HOST: '0.0.0.0' });
    try {
      expect(open.output()).toContain('mọi giao diện mạng');
      expect(open.output()).toContain('tài khoản mẫu');
      expect(open.output()).toContain('seed demo: xong / done');
      expect(open.output()).toContain('đã có dữ liệu, bỏ qua');
      expect(await reachable('127.0.0.1', open.port)).toBe(true);
      if (lan) expect(await reachable(lan, open.port)).toBe(true);
    } finally {
      await open.stop();
    }
  });
});
