// The data-directory lock: one process per embedded database.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, acquireDataDirLock } from '../../../src/db/lock.ts';

let dir: string;
let holder: ChildProcess | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-lock-'));
});
afterEach(() => {
  if (holder?.pid) process.kill(holder.pid);
  holder = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});
const lockFile = () => path.join(dir, 'thuocdo.lock');

describe('acquireDataDirLock', () => {
  it('writes our PID, and release removes the lock file', () => {
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('refuses while another live process holds the lock, naming its PID, in Vietnamese', () => {
    holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    fs.writeFileSync(lockFile(), String(holder.pid));
    let error: unknown;
    try {
      acquireDataDirLock(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as DataDirLockedError).pid).toBe(holder.pid);
    expect((error as Error).message).toContain('đang được tiến trình khác sử dụng');
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(holder.pid));
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dead = spawn('true', [], { stdio: 'ignore' });
    await new Promise((resolve) => dead.on('exit', resolve));
    fs.writeFileSync(lockFile(), String(dead.pid));
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('release does not remove a lock that another process took meanwhile', () => {
    const release = acquireDataDirLock(dir);
    fs.writeFileSync(lockFile(), '999999');
    release();
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe('999999');
  });
});
