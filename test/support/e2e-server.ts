// Starts the real `thuocdo start` (web build if stale, migrate, demo seed) on a free port and a fresh
// temporary data directory, for browser journeys. stop() sends SIGTERM and waits for a clean exit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** `dataDir`: start again on a directory a stopped server left (`stop(true)` keeps it). */
export async function startTestServer(
  options: { dataDir?: string } = {},
): Promise<{ baseUrl: string; dataDir: string; stop(keepData?: boolean): Promise<void> }> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-e2e-'));
  const child = spawn(process.execPath, ['bin/thuocdo.mjs', 'start'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      THUOCDO_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/running at: (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    baseUrl,
    dataDir,
    async stop(keepData = false) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The server a browser journey runs against: an already running one when E2E_BASE_URL is set (it must hold
 * a fresh demo seed), otherwise a fresh `thuocdo start` on a temporary data directory.
 */
export async function serverForJourney(): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const external = process.env['E2E_BASE_URL'];
  if (external) return { baseUrl: external, stop: async () => {} };
  const server = await startTestServer();
  return { baseUrl: server.baseUrl, stop: () => server.stop() };
}
