// Files derived from immutable data (the open-data .xlsx and .csv of a signed snapshot), built once and
// then served from disk: `<dir>/<group>/<name>`, where the name starts with the version it derives from
// (the snapshot digest). A build writes a private temp file and renames it into place, so a reader never
// sees half a file and a crash leaves only a temp file (removed by the next build of that group). Builds
// of one file in this process share one promise (single flight); two processes may both build it — the
// last rename wins and both files hold the same content. A new version of a group removes the older ones.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface DerivedFile {
  path: string;
  size: number;
}

const building = new Map<string, Promise<DerivedFile>>();

const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

async function build(dir: string, target: string, version: string, produce: () => Readable): Promise<DerivedFile> {
  await fs.mkdir(dir, { recursive: true });
  const tmp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await pipeline(produce(), createWriteStream(tmp, { flags: 'wx' }));
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  // Older versions of this group (a corrected publication) are never served again.
  for (const name of await fs.readdir(dir)) {
    if (!name.startsWith(`${version}.`)) await fs.rm(path.join(dir, name), { force: true });
  }
  return { path: target, size: (await fs.stat(target)).size };
}

/**
 * The file `<dir>/<group>/<version>.<variant>`, built by `produce` when absent. `group`, `version` and
 * `variant` must be plain names (letters, digits, `.`, `_`, `-`).
 */
export async function derivedFile(
  dir: string,
  group: string,
  version: string,
  variant: string,
  produce: () => Readable,
): Promise<DerivedFile> {
  for (const part of [group, version, variant]) {
    if (!SAFE.test(part)) throw new Error(`not a plain file name part: ${part}`);
  }
  const groupDir = path.join(dir, group);
  const target = path.join(groupDir, `${version}.${variant}`);
  const stat = await fs.stat(target).catch(() => null);
  if (stat?.isFile()) return { path: target, size: stat.size };
  let pending = building.get(target);
  if (!pending) {
    pending = build(groupDir, target, version, produce).finally(() => building.delete(target));
    building.set(target, pending);
  }
  return pending;
}
