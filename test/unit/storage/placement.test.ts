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

// Decision 0033: FAT/exFAT disks and some FUSE or SMB mounts make no hard links. The module is loaded afresh for
// each case: a thread remembers a refused link (placement.ts, linksRefused).
describe('a file system without hard links', () => {
  async function freshPlacement() {
    vi.resetModules();
    return (await import('../../../src/infra/storage/placement.ts')).runPlacement;
  }
  const refuseLinks = (code: string) =>
    vi.spyOn(fs.promises, 'link').mockRejectedValue(Object.assign(new Error(`link refused (${code})`), { code }));
  const leftovers = (root: string) => fs.readdirSync(path.join(root, 'tmp'));

  for (const code of ['EPERM', 'EOPNOTSUPP', 'ENOTSUP', 'ENOSYS'])
    it(`link refused with ${code}: the bytes are copied, flushed and renamed into place`, async () => {
      const run = await freshPlacement();
      const { root, spool, target } = staged('Quyết định công bố Chỉ số chuyển đổi số năm 2025');
      const calls = recordCalls();
      refuseLinks(code);
      expect(await run({ spool, target, synced: false })).toEqual({ placed: true, synced: true });
      // The staged file was flushed for the link it was refused; the copy is flushed before its rename.
      expect(calls).toEqual(['flush file', 'flush file', 'flush directory']);
      expect(fs.readFileSync(target, 'utf8')).toBe('Quyết định công bố Chỉ số chuyển đổi số năm 2025');
      expect(fs.statSync(target).ino).not.toBe(fs.statSync(spool).ino);
      expect(leftovers(root)).toEqual(['upload.part']); // the staged file stays until discarded; no copy left
    });

  it('once refused, links are not asked for again and the staged file is not flushed for them', async () => {
    const run = await freshPlacement();
    const first = staged('một');
    const link = refuseLinks('EPERM');
    await run({ spool: first.spool, target: first.target, synced: false });
    const second = staged('hai');
    const calls = recordCalls();
    expect(await run({ spool: second.spool, target: second.target, synced: false })).toEqual({
      placed: true,
      synced: false,
    });
    expect(calls).toEqual(['flush file', 'flush directory']); // the copy's flush, then its directory's
    expect(link).toHaveBeenCalledTimes(1);
    expect(fs.readFileSync(second.target, 'utf8')).toBe('hai');
  });

  it('content already stored is not copied again', async () => {
    const run = await freshPlacement();
    refuseLinks('EPERM');
    const { spool, target } = staged('cùng nội dung');
    await run({ spool, target, synced: false });
    const again = staged('cùng nội dung');
    fs.mkdirSync(path.dirname(again.target), { recursive: true });
    fs.copyFileSync(target, again.target);
    const copyFile = vi.spyOn(fs.promises, 'copyFile');
    expect(await run({ spool: again.spool, target: again.target, synced: false })).toEqual({
      placed: false,
      synced: false,
    });
    expect(copyFile).not.toHaveBeenCalled();
  });

  it('placed again after a remover took the bytes, and in a content directory made again', async () => {
    const run = await freshPlacement();
    refuseLinks('EPERM');
    const { root, spool, target } = staged('Báo cáo quý IV');
    await run({ spool, target, synced: false });
    fs.rmSync(path.join(root, 'ab'), { recursive: true });
    expect(await run({ spool, target, synced: true })).toEqual({ placed: true, synced: true });
    expect(fs.readFileSync(target, 'utf8')).toBe('Báo cáo quý IV');
    expect(leftovers(root)).toEqual(['upload.part']);
  });

  it('a copy that fails (a full disk) leaves no partial file, neither at the address nor beside the staged one', async () => {
    const run = await freshPlacement();
    refuseLinks('EPERM');
    const { root, spool, target } = staged('ba');
    vi.spyOn(fs.promises, 'rename').mockRejectedValue(Object.assign(new Error('no space left'), { code: 'ENOSPC' }));
    await expect(run({ spool, target, synced: false })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(fs.existsSync(target)).toBe(false);
    expect(leftovers(root)).toEqual(['upload.part']);
  });

  it('another refusal of link (a missing staged file) is still an error, not a copy', async () => {
    const run = await freshPlacement();
    const { spool, target } = staged('bốn');
    fs.rmSync(spool);
    const copyFile = vi.spyOn(fs.promises, 'copyFile');
    await expect(run({ spool, target, synced: true })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(copyFile).not.toHaveBeenCalled();
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
