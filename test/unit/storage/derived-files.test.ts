// Files derived from immutable data (open-data per snapshot digest): built once — concurrent callers share
// one build, later ones find the file —, a failed build leaves nothing behind, a new version removes the old.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { derivedFile } from '../../../src/infra/storage/derived-files.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'thuocdo-derived-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const V1 = 'a'.repeat(64);
const V2 = 'b'.repeat(64);

describe('derivedFile', () => {
  it('builds once: concurrent requests share the build, a later one reads the file', async () => {
    let builds = 0;
    const produce = () => {
      builds++;
      return Readable.from(['Mã đơn vị,', 'Điểm\r\n']);
    };
    const [a, b] = await Promise.all([
      derivedFile(dir, 'campaign-1', V1, 'csv', produce),
      derivedFile(dir, 'campaign-1', V1, 'csv', produce),
    ]);
    const c = await derivedFile(dir, 'campaign-1', V1, 'csv', produce);
    expect(builds).toBe(1);
    expect(a).toEqual(b);
    expect(c).toEqual(a);
    expect(await readFile(a.path, 'utf8')).toBe('Mã đơn vị,Điểm\r\n');
    expect(a.size).toBe(Buffer.byteLength('Mã đơn vị,Điểm\r\n'));
  });

  it('a failing producer: the error reaches the caller, no file or temp file remains, the next call builds again', async () => {
    const failing = () =>
      new Readable({
        read() {
          this.destroy(new Error('disk gone'));
        },
      });
    await expect(derivedFile(dir, 'c', V1, 'xlsx', failing)).rejects.toThrow('disk gone');
    expect(await readdir(path.join(dir, 'c'))).toEqual([]);
    const ok = await derivedFile(dir, 'c', V1, 'xlsx', () => Readable.from([Buffer.from('PK')]));
    expect(ok.size).toBe(2);
  });

  it("a new version of a group (a correction) removes the older version's files, other groups untouched", async () => {
    await derivedFile(dir, 'c', V1, 'csv', () => Readable.from(['1']));
    await derivedFile(dir, 'c', V1, 'xlsx', () => Readable.from(['1']));
    await derivedFile(dir, 'other', V1, 'csv', () => Readable.from(['1']));
    await derivedFile(dir, 'c', V2, 'csv', () => Readable.from(['2']));
    expect(await readdir(path.join(dir, 'c'))).toEqual([`${V2}.csv`]);
    expect(await readdir(path.join(dir, 'other'))).toEqual([`${V1}.csv`]);
  });

  it('refuses a name part that could leave the directory', async () => {
    await expect(derivedFile(dir, '../x', V1, 'csv', () => Readable.from(['1']))).rejects.toThrow(/plain file name/);
    await expect(derivedFile(dir, 'c', V1, 'csv/../../x', () => Readable.from(['1']))).rejects.toThrow(
      /plain file name/,
    );
  });
});
