// The generated key-encryption secret on a data directory whose file system makes no hard links (FAT/exFAT,
// some FUSE or SMB mounts; decision 0033): created in place, exclusively, instead of linked into place — and
// a reader that finds it being written waits for its one write.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEY_SECRET_FILE, keySecrets } from '../../../src/app/publication/key-secret.ts';

const dirs: string[] = [];
function dataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-key-secret-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const config = (dir: string) => ({ dataDir: dir, env: 'development' as const, sessionSecret: undefined });
const refuseLinks = (code: string) =>
  vi.spyOn(fs, 'linkSync').mockImplementation(() => {
    throw Object.assign(new Error(`link refused (${code})`), { code });
  });

describe('the generated secret where links are refused', () => {
  it('is written in place, owner-only, and nothing temporary is left', () => {
    const dir = dataDir();
    const link = refuseLinks('EPERM');
    const secrets = keySecrets(config(dir));
    expect(link).toHaveBeenCalledTimes(1);
    expect(secrets.source).toBe('data-directory');
    const file = path.join(dir, KEY_SECRET_FILE);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${secrets.primary}\n`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual([KEY_SECRET_FILE]);
  });

  it('another process that made it first is not overwritten: its secret is used', () => {
    const dir = dataDir();
    const theirs = 'x'.repeat(43);
    // It appears between this process's temporary file and its link, which the file system refuses.
    vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      fs.writeFileSync(path.join(dir, KEY_SECRET_FILE), `${theirs}\n`, { mode: 0o600 });
      throw Object.assign(new Error('link refused'), { code: 'EOPNOTSUPP' });
    });
    expect(keySecrets(config(dir)).primary).toBe(theirs);
  });

  it('a reader that opens it before its one write waits for the write', async () => {
    const dir = dataDir();
    const file = path.join(dir, KEY_SECRET_FILE);
    fs.writeFileSync(file, '', { mode: 0o600 }); // made, not yet written: as createSecretFileInPlace between its calls
    const secret = 'y'.repeat(43);
    const writer = spawn(process.execPath, [
      '-e',
      `setTimeout(() => require('fs').writeFileSync(${JSON.stringify(file)}, ${JSON.stringify(secret + '\n')}), 150)`,
    ]);
    await new Promise((r) => writer.once('spawn', r));
    expect(keySecrets(config(dir)).primary).toBe(secret);
    await new Promise((r) => writer.once('exit', r));
  });

  it('a file left empty (a crash between its creation and its write) is reported as damaged, not used', () => {
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, KEY_SECRET_FILE), '', { mode: 0o600 });
    const t0 = performance.now();
    expect(() => keySecrets(config(dir))).toThrow(/bị hỏng/);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(900); // waited for a writer that never came
  });
});
