// `thuocdo backup DIR`: every table as NDJSON (one row_to_json per line, so jsonb, timestamps to the
// microsecond, numeric and double precision survive exactly), read in primary-key order with keyset
// pagination inside ONE read-only REPEATABLE READ transaction — the tables are a single consistent
// snapshot even while the platform keeps serving (PostgreSQL; PGlite has one connection anyway). Then
// the evidence files stored_files references, each re-hashed while copied, the signing public keys, and
// manifest.json with the SHA-256 of every file. The backup holds password hashes, sessions and the
// (encrypted) signing key: its directories are 0700 and its files 0600, and a signing key found in clear
// stops it (the caller seals the keys first: sealSigningKeys).
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Database, Db } from '../../db/client.ts';
import { type TableInfo, readCatalog } from '../../db/queries/backup-catalog.ts';
import { tablePageReader } from '../../db/queries/backup-tables.ts';
import type { FileStore } from '../../infra/storage/file-store.ts';
import { contentKey } from '../../infra/storage/file-store.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type Manifest,
  type ManifestTable,
  appVersion,
  currentMigration,
  sha256File,
} from './manifest.ts';

export const BACKUP_BATCH_ROWS = 1000;

export interface BackupResult {
  manifest: Manifest;
  ms: number;
}

/** `clock` gives the time recorded as the backup's (manifest.createdAt), read when the manifest is written. */
export async function runBackup(
  database: Database,
  o: { store: FileStore; dir: string; clock: () => Date },
): Promise<BackupResult> {
  const { store, dir, clock } = o;
  const started = Date.now();
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new Error(`Thư mục ${dir} đã có dữ liệu: hãy sao lưu vào một thư mục mới hoặc rỗng.`);
  }
  fs.mkdirSync(path.join(dir, 'tables'), { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  fs.chmodSync(path.join(dir, 'tables'), 0o700);
  const checksums: Record<string, string> = {};
  const { tables, migration } = await database.db.transaction(
    async (tx) => {
      const catalog = await readCatalog(tx);
      const out: ManifestTable[] = [];
      for (const table of catalog) {
        const file = `tables/${table.name}.ndjson`;
        const rows = await dumpTable(tx, table, path.join(dir, file));
        out.push({ name: table.name, file, rows, columns: table.columns });
      }
      return { tables: out, migration: await currentMigration(tx) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  for (const t of tables) checksums[t.file] = await sha256File(path.join(dir, t.file));
  await refuseClearKeys(dir);

  // Files are immutable under their content address, so copying them after the snapshot is consistent.
  let evidenceFiles = 0;
  for await (const row of ndjsonRows<{ sha256: string }>(path.join(dir, 'tables/stored_files.ndjson'))) {
    const rel = `files/${contentKey(row.sha256)}`;
    await copyVerified(store, row.sha256, path.join(dir, rel));
    checksums[rel] = row.sha256;
    evidenceFiles++;
  }
  let signingKeys = 0;
  for await (const row of ndjsonRows<{ id: string; public_key_pem: string }>(
    path.join(dir, 'tables/signing_keys.ndjson'),
  )) {
    const rel = `signing-keys/${row.id}.pem`;
    fs.mkdirSync(path.join(dir, 'signing-keys'), { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(dir, rel), row.public_key_pem, { mode: 0o600 });
    checksums[rel] = await sha256File(path.join(dir, rel));
    signingKeys++;
  }
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: appVersion(),
    migration,
    createdAt: clock().toISOString(),
    database: database.kind,
    tables,
    evidenceFiles,
    signingKeys,
    checksums,
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  return { manifest, ms: Date.now() - started };
}

/** Writes one table in primary-key order, BACKUP_BATCH_ROWS at a time; returns the row count. */
async function dumpTable(tx: Db, table: TableInfo, file: string): Promise<number> {
  const out = fs.createWriteStream(file, { mode: 0o600 });
  const nextPage = tablePageReader(tx, table, BACKUP_BATCH_ROWS);
  let last: string | null = null;
  let count = 0;
  try {
    for (;;) {
      const rows = await nextPage(last);
      for (const j of rows) {
        if (!out.write(j + '\n')) await once(out, 'drain');
      }
      count += rows.length;
      if (rows.length < BACKUP_BATCH_ROWS) break;
      last = rows[rows.length - 1]!;
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return count;
}

async function copyVerified(store: FileStore, sha256: string, target: string): Promise<void> {
  const source = await store.get(sha256);
  if (!source) throw new Error(`Kho tài liệu thiếu tệp ${sha256} mà cơ sở dữ liệu tham chiếu: sao lưu dừng lại.`);
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(source, tap, fs.createWriteStream(target, { mode: 0o600 }));
  const actual = hash.digest('hex');
  if (actual !== sha256) {
    fs.rmSync(target, { force: true });
    throw new Error(`Tệp ${sha256} trong kho tài liệu đã hỏng (SHA-256 thực tế ${actual}): sao lưu dừng lại.`);
  }
}

/** A signing key in clear must never reach a backup: the partial backup is removed and the backup stops. */
async function refuseClearKeys(dir: string): Promise<void> {
  for await (const row of ndjsonRows<{ id: string; encrypted: boolean }>(
    path.join(dir, 'tables/signing_keys.ndjson'),
  )) {
    if (row.encrypted !== true) {
      for (const entry of fs.readdirSync(dir)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
      throw new Error(
        `Khóa ký ${row.id} còn lưu dạng rõ trong cơ sở dữ liệu: khởi động máy chủ (hoặc "thuocdo backup") để mã hóa khóa trước khi sao lưu.`,
      );
    }
  }
}

/** The rows of an NDJSON file, one parsed object per line. */
export async function* ndjsonRows<T>(file: string): AsyncGenerator<T> {
  for await (const line of ndjsonLines(file)) yield JSON.parse(line) as T;
}

export async function* ndjsonLines(file: string): AsyncGenerator<string> {
  if (!fs.existsSync(file)) return;
  const lines = createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.length > 0) yield line;
}
