// The local store's file chains (placement.ts), run here on the test's thread: what the placement thread runs.
// Decision 0031: the staged bytes are flushed before a link makes them the stored content, and the link is
// flushed with its directory; content already stored costs no flush.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlacementThread } from '../../../src/infra/storage/placement-thread.ts';
import { runPlacement } from '../../../src/infra/storage/placement.ts';

const roots: string[] = [];
function staged(content: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-placement-'));
  roots.push(root);
  fs.mkdirSync(path.join(root, 'tmp'));
  const spool = path.join(root, 'tmp', 'upload.part');
  fs.writeFileSync(spool, content);
  return { root, spool, target: path.join(root, 'ab', 'cd', 'abcd-content') };
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
});

/** What the chain did, in order: each flush (of a file or a directory) and each link. */
function recordCalls() {
  const calls: string[] = [];
  const link = fs.promises.link.bind(fs.promises);
  vi.spyOn(fs.promises, 'link').mockImplementation(async (from, to) => {
    calls.push('link');
    return link(from, to);
  });
  const open = fs.promises.open.bind(fs.promises);
  vi.spyOn(fs.promises, 'open').mockImplementation(async (file, flags, mode) => {
    const handle = await open(file, flags, mode);
    const isDir = fs.statSync(file).isDirectory();
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      calls.push(isDir ? 'flush directory' : 'flush file');
      return sync();
    };
    return handle;
  });
  return calls;
}

describe('placing a staged upload', () => {
  it('flushes the bytes, links them, then flushes the directory holding the link', async () => {
    const { spool, target } = staged('Kế hoạch chuyển đổi số năm 2026');
    const calls = recordCalls();
    expect(await runPlacement({ spool, target, synced: false })).toEqual({ placed: true, synced: true });
    expect(calls).toEqual(['flush file', 'link', 'flush directory']);
    expect(fs.readFileSync(target, 'utf8')).toBe('Kế hoạch chuyển đổi số năm 2026');
    expect(fs.statSync(target).ino).toBe(fs.statSync(spool).ino); // a link: the staged name keeps the bytes
  });

  it('content already stored: nothing flushed, nothing linked', async () => {
    const { spool, target } = staged('cùng nội dung');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, 'cùng nội dung');
    const calls = recordCalls();
    expect(await runPlacement({ spool, target, synced: false })).toEqual({ placed: false, synced: false });
    expect(calls).toEqual([]);
  });

  it('placed again after a remover took the bytes, without flushing the staged copy twice', async () => {
    const { spool, target } = staged('Báo cáo quý IV');
    await runPlacement({ spool, target, synced: false });
    fs.rmSync(target);
    const calls = recordCalls();
    expect(await runPlacement({ spool, target, synced: true })).toEqual({ placed: true, synced: true });
    expect(calls).toEqual(['link', 'flush directory']);
    expect(fs.readFileSync(target, 'utf8')).toBe('Báo cáo quý IV');
  });

  it('makes the content directory again when it was removed behind its back', async () => {
    const { root, spool, target } = staged('một');
    await runPlacement({ spool, target, synced: false });
    fs.rmSync(path.join(root, 'ab'), { recursive: true });
    expect(await runPlacement({ spool, target, synced: true })).toEqual({ placed: true, synced: true });
    expect(fs.readFileSync(target, 'utf8')).toBe('một');
  });

  it('a failed system call rejects with its code (ENOSPC becomes STORAGE_FULL in the store)', async () => {
    const { spool, target } = staged('hai');
    vi.spyOn(fs.promises, 'link').mockRejectedValue(Object.assign(new Error('no space left'), { code: 'ENOSPC' }));
    await expect(runPlacement({ spool, target, synced: false })).rejects.toMatchObject({ code: 'ENOSPC' });
  });
});

describe('the placement thread', () => {
  it('answers each job from its own thread', async () => {
    const thread = new PlacementThread();
    const { spool, target } = staged('ba');
    const [a, b] = await Promise.all([
      thread.run({ spool, target, synced: false }),
      thread.run({ spool, target: `${target}-2`, synced: false }),
    ]);
    expect([a.placed, b.placed]).toEqual([true, true]);
    expect(fs.readFileSync(`${target}-2`, 'utf8')).toBe('ba');
  });

  it('a thread that cannot start: its jobs, and every later one, run on this thread', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-placement-boot-'));
    roots.push(root);
    const broken = path.join(root, 'boot.mjs');
    fs.writeFileSync(broken, "throw new Error('cannot load');\n");
    const thread = new PlacementThread(pathToFileURL(broken));
    const { spool, target } = staged('bốn');
    expect(await thread.run({ spool, target, synced: false })).toEqual({ placed: true, synced: true });
    expect(await thread.run({ spool, target, synced: true })).toEqual({ placed: false, synced: true });
    expect(fs.readFileSync(target, 'utf8')).toBe('bốn');
  });
});
