// Keeps `npm ci --omit=dev && npm start` working on the machines we deploy to (docs/decisions/0008):
// every package the code under src/ imports at run time (the web build included: `start` builds it) is a
// dependency, and every package that install brings — the lockfile's non-dev entries, optional platform
// binaries included — accepts every Node version our `engines` promises.
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const engines: string = pkg.engines.node;

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|js|mjs)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Bare specifiers of value imports (type-only imports vanish at run time). */
function importedPackages(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/^\s*import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*export\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  return specs
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !s.startsWith('/'))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
}

describe('packaging', () => {
  it('every package imported under src/ and bin/ is a runtime dependency', () => {
    const missing = new Map<string, string>(); // package → first file importing it
    for (const file of [...sourceFiles(path.join(root, 'src')), ...sourceFiles(path.join(root, 'bin'))]) {
      for (const name of importedPackages(file))
        if (!pkg.dependencies[name] && !missing.has(name)) missing.set(name, path.relative(root, file));
    }
    expect(Object.fromEntries(missing)).toEqual({});
  });

  it(`every package installed with --omit=dev accepts the engines range (${engines})`, () => {
    expect(lock.packages[''].engines?.node).toBe(engines);
    expect(semver.satisfies(process.version, engines)).toBe(true);
    const narrower = Object.entries(
      lock.packages as Record<string, { dev?: boolean; engines?: { node?: string } | string[] }>,
    )
      .filter(([key, entry]) => key !== '' && !entry.dev)
      .flatMap(([key, entry]) => {
        const node = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return node && !semver.subset(engines, node, { includePrerelease: false })
          ? [`${key.replace(/^.*node_modules\//, '')}: ${node}`]
          : [];
      });
    expect(narrower).toEqual([]);
  });
});
