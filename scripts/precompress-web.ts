// Precompresses the built web app (dist/web) once, at build time: a brotli (.br, quality 11) and a gzip
// (.gz, level 9) file next to each text asset, so the server (@fastify/static `preCompressed`) sends them
// with no per-request CPU. Called by the Vite build (src/web/vite.config.ts) and read by the bench
// (bench/static-assets.bench.ts). A compressed copy that is not smaller than the original is not kept.
import { readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text types worth compressing; images and fonts (woff2) are compressed already. */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|md|txt|map)$/;

export interface PrecompressedFile {
  /** Path relative to the web directory, with forward slashes. */
  file: string;
  bytes: number;
  br: number | null;
  gz: number | null;
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue; // .vite/manifest.json is read by the server side, never sent
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else if (COMPRESSIBLE.test(name)) yield full;
  }
}

function keep(target: string, bytes: Buffer, original: number): number | null {
  if (bytes.length >= original) {
    try {
      unlinkSync(target);
    } catch {
      // not there: nothing to remove
    }
    return null;
  }
  writeFileSync(target, bytes);
  return bytes.length;
}

/** Writes `<file>.br` and `<file>.gz` for every compressible file under `dir`; returns the sizes. */
export function precompressDir(dir: string): PrecompressedFile[] {
  const out: PrecompressedFile[] = [];
  for (const full of walk(dir)) {
    const raw = readFileSync(full);
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    out.push({
      file: path.relative(dir, full).split(path.sep).join('/'),
      bytes: raw.length,
      br: keep(`${full}.br`, br, raw.length),
      gz: keep(`${full}.gz`, gz, raw.length),
    });
  }
  return out;
}
