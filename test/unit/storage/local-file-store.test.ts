// LocalFileStore: content addressing, deduplication, nothing left behind on failure, quota.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalFileStore } from '../../../src/infra/storage/local-file-store.ts';
import type { OperationError } from '../../../src/app/errors.ts';
import { placementThread } from '../../../src/infra/storage/placement-thread.ts';
import { SPOOL_HEAD_BYTES } from '../../../src/infra/storage/spool.ts';

const roots: string[] = [];
function store(quotaBytes?: number) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-store-'));
  roots.push(root);
  return new LocalFileStore({ root, quotaBytes });
}
afterEach(() => {
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
});

const files = (root: string) =>
  (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const readAll = async (r: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

describe('LocalFileStore', () => {
  it('stores bytes under <root>/ab/cd/<sha256> with hash and size computed while streaming', async () => {
    const s = store();
    const content = Buffer.from('Quyết định số 12/QĐ-UBND');
    const put = await s.put(Readable.from([content.subarray(0, 5), content.subarray(5)]));
    expect(put).toEqual({ sha256: sha(content), size: content.length, created: true });
    expect(files(s.root)).toEqual([path.join(put.sha256.slice(0, 2), put.sha256.slice(2, 4), put.sha256)]);
    expect(await readAll((await s.get(put.sha256))!)).toEqual(content);
    expect(await s.has(put.sha256)).toBe(true);
  });

  it('stores identical content once', async () => {
    const s = store();
    const a = await s.put(Readable.from([Buffer.from('cùng nội dung')]));
    const b = await s.put(Readable.from([Buffer.from('cùng nội dung')]));
    expect(b).toEqual({ ...a, created: false });
    expect(files(s.root)).toHaveLength(1);
  });

  it('serves byte ranges', async () => {
    const s = store();
    const { sha256 } = await s.put(Readable.from([Buffer.from('0123456789')]));
    expect((await readAll((await s.get(sha256, { start: 2, end: 5 }))!)).toString()).toBe('2345');
  });

  it('an aborted stream leaves nothing behind, not even in tmp/', async () => {
    const s = store();
    const source = new PassThrough();
    const staging = s.stage(source);
    source.write(Buffer.alloc(100_000, 1));
    await new Promise((r) => setTimeout(r, 20));
    expect(files(s.root).some((f) => f.startsWith('tmp'))).toBe(true); // it was really streaming to disk
    source.destroy(new Error('client went away'));
    await expect(staging).rejects.toThrow('client went away');
    expect(files(s.root)).toEqual([]);
  });

  it('refuses past maxBytes with FILE_TOO_LARGE and keeps nothing', async () => {
    const s = store();
    const err = await s
      .put(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000 })
      .catch((e: unknown) => e);
    expect((err as OperationError).code).toBe('FILE_TOO_LARGE');
    expect(files(s.root)).toEqual([]);
  });

  it('a discarded stage removes its temp file; commit after discard is impossible to observe', async () => {
    const s = store();
    const staged = await s.stage(Readable.from([Buffer.from('tạm')]));
    expect(files(s.root)).toHaveLength(1);
    await staged.discard();
    expect(files(s.root)).toEqual([]);
    expect(await s.has(staged.sha256)).toBe(false);
  });

  it('quota: refuses with STORAGE_FULL once the limit would be passed, counting existing files', async () => {
    const s = store(1000);
    await s.put(Readable.from([Buffer.alloc(600, 1)]));
    const err = (await s.put(Readable.from([Buffer.alloc(600, 2)])).catch((e: unknown) => e)) as OperationError;
    expect(err.code).toBe('STORAGE_FULL');
    expect(err.message).toMatch(/hết dung lượng/);
    expect(files(s.root)).toHaveLength(1);
    // Still room for small files, and a fresh store measures what is already on disk.
    await s.put(Readable.from([Buffer.alloc(300, 3)]));
    const reopened = new LocalFileStore({ root: s.root, quotaBytes: 1000 });
    await expect(reopened.put(Readable.from([Buffer.alloc(200, 4)]))).rejects.toMatchObject({ code: 'STORAGE_FULL' });
  });

  it('delete frees quota and removes the file', async () => {
    const s = store(1000);
    const { sha256 } = await s.put(Readable.from([Buffer.alloc(900, 1)]));
    await s.delete(sha256);
    expect(await s.has(sha256)).toBe(false);
    await s.put(Readable.from([Buffer.alloc(900, 2)]));
  });

  it('reads the staged bytes back at any offset: the head from memory, the rest from the open file', async () => {
    const s = store();
    const content = Buffer.alloc(SPOOL_HEAD_BYTES * 2 + 123);
    for (let i = 0; i < content.length; i++) content[i] = (i * 7 + 3) % 251;
    const staged = await s.stage(Readable.from([content.subarray(0, 1000), content.subarray(1000)]));
    try {
      const at = (offset: number, length: number) => staged.bytes.read(offset, length);
      expect(await at(0, 16)).toEqual(content.subarray(0, 16));
      expect(await at(SPOOL_HEAD_BYTES - 10, 20)).toEqual(
        content.subarray(SPOOL_HEAD_BYTES - 10, SPOOL_HEAD_BYTES + 10),
      );
      expect(await at(content.length - 22, 22)).toEqual(content.subarray(content.length - 22));
      expect(await at(content.length - 5, 100)).toEqual(content.subarray(content.length - 5)); // clipped at the end
      expect((await at(content.length, 10)).length).toBe(0);
    } finally {
      await staged.discard();
    }
    expect(files(s.root)).toEqual([]);
  });

  it('places through the placement thread, flushing the staged bytes once, and never for content already stored', async () => {
    // The flushes themselves, and their order, are placement.test.ts's: here, what the store asks of the thread.
    const s = store();
    const run = vi.spyOn(placementThread, 'run');
    try {
      const first = await s.stage(Readable.from([Buffer.from('Kế hoạch chuyển đổi số năm 2026')]));
      expect(run).not.toHaveBeenCalled(); // staged, sniffable, not yet worth a flush
      expect((await first.commit()).created).toBe(true);
      expect(run.mock.calls.at(-1)![0]).toMatchObject({ target: s.pathOf(first.sha256), synced: false });
      expect(await run.mock.results.at(-1)!.value).toEqual({ placed: true, synced: true });
      await first.ensureStored(); // after the record: the bytes are there, and the staged copy is not flushed again
      expect(run.mock.calls.at(-1)![0]).toMatchObject({ synced: true });
      await first.discard(); // after commit: only the staged name goes
      const again = await s.stage(Readable.from([Buffer.from('Kế hoạch chuyển đổi số năm 2026')]));
      expect((await again.commit()).created).toBe(false);
      expect(await run.mock.results.at(-1)!.value).toEqual({ placed: false, synced: false });
      await again.discard();
      expect(files(s.root)).toEqual([path.join(first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256)]);
    } finally {
      run.mockRestore();
    }
  });

  it('keeps the staged copy until discard, and puts the bytes back when they were removed after commit', async () => {
    // Decision 0031: an upload records its rows after placing the bytes, without the file's lock in between; a
    // remover of the same content (no row named it yet) may take them in that gap.
    const s = store();
    const content = Buffer.from('Báo cáo kết quả chuyển đổi số quý IV');
    const staged = await s.stage(Readable.from([content]));
    expect((await staged.commit()).created).toBe(true);
    expect(files(s.root).filter((f) => f.startsWith('tmp'))).toHaveLength(1); // the staged name, same inode
    await staged.ensureStored(); // still there: nothing to do
    fs.rmSync(s.pathOf(staged.sha256)); // a remover took them
    await staged.ensureStored();
    expect(await readAll((await s.get(staged.sha256))!)).toEqual(content);
    await staged.discard();
    expect(files(s.root)).toEqual([path.join(staged.sha256.slice(0, 2), staged.sha256.slice(2, 4), staged.sha256)]);
    await expect(staged.ensureStored()).rejects.toThrow(/discarded/);

    // Found already stored at commit (not placed, not flushed), then removed: placed from the staged copy.
    const again = await s.stage(Readable.from([content]));
    expect((await again.commit()).created).toBe(false);
    fs.rmSync(s.pathOf(again.sha256));
    await again.ensureStored();
    await again.discard();
    expect(await readAll((await s.get(again.sha256))!)).toEqual(content);
    expect(files(s.root).filter((f) => f.startsWith('tmp'))).toEqual([]);
  });

  it('makes its directories again if they were removed while running', async () => {
    const s = store();
    const first = await s.put(Readable.from([Buffer.from('một')]));
    fs.rmSync(s.tmpDir, { recursive: true, force: true });
    const put = await s.put(Readable.from([Buffer.from('hai')]));
    expect(put.created).toBe(true);
    expect(await s.has(put.sha256)).toBe(true);
    // The content directory it made for the first file, gone with the file: placed again, where it belongs.
    fs.rmSync(path.join(s.root, first.sha256.slice(0, 2)), { recursive: true, force: true });
    expect(await s.put(Readable.from([Buffer.from('một')]))).toEqual(first);
    expect(await readAll((await s.get(first.sha256))!)).toEqual(Buffer.from('một'));
  });

  it('get of unknown content is null', async () => {
    expect(await store().get('0'.repeat(64))).toBeNull();
  });
});
