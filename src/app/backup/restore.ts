// `thuocdo restore DIR` into an empty database: the manifest's checksums are verified first (the caller
// does it before opening anything), then the schema is migrated, the evidence files are put back into
// the store (content-addressed, so a retry is harmless) and every table is inserted in foreign-key order
// in batches — all in ONE transaction, which ends with the restore's own verification (check-restored.ts:
// snapshots, signatures, audit chains and checkpoints). Any failure, that verification's included, rolls
// the transaction back and deletes the evidence files this restore put into the store: the target is
// left as empty as it was (the schema migrated, no row, no file).
import { createReadStream } from 'node:fs';
import fs from 'node:fs';
import path from 'node:path';
import type { Database, Db } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { type TableInfo, readCatalog } from '../../db/queries/backup-catalog.ts';
import {
  publicTableNames,
  resetIdentitySequence,
  selfReferenceRestorer,
  tableHasRows,
  tableRowInserter,
} from '../../db/queries/backup-tables.ts';
import type { KeySecrets } from '../publication/key-secret.ts';
import type { FileStore } from '../../infra/storage/file-store.ts';
import { ndjsonLines } from './backup.ts';
import { type RestoredCheck, checkRestored, describeRestoredCheck, restoredOk } from './check-restored.ts';
import { BackupInvalidError, type Manifest, type ManifestTable, migrationJournal } from './manifest.ts';

const BATCH_ROWS = 1000;
const BATCH_BYTES = 8 * 1024 * 1024;

export class RestoreRefusedError extends Error {}

/** The restored copy did not verify: nothing was kept. */
export class RestoreVerificationError extends Error {
  constructor(readonly check: RestoredCheck) {
    super(
      [
        'Kiểm tra bản khôi phục KHÔNG đạt — đã hủy khôi phục, không giữ lại dòng hay tệp nào:',
        ...describeRestoredCheck(check),
      ].join('\n'),
    );
  }
}

export interface RestoreResult {
  rows: number;
  files: number;
  ms: number;
  check: RestoredCheck;
}

/** Refuses unless no table of the public schema holds a row (a freshly migrated database is empty). */
export async function assertDatabaseEmpty(db: Db): Promise<void> {
  for (const t of await publicTableNames(db)) {
    if (await tableHasRows(db, t)) {
      throw new RestoreRefusedError(
        `Cơ sở dữ liệu đích đã có dữ liệu (bảng ${t}). Chỉ khôi phục vào cơ sở dữ liệu hoặc thư mục dữ liệu RỖNG, để không ghi đè dữ liệu đang dùng.`,
      );
    }
  }
}

/** A local store directory that already holds evidence (anything but its tmp/) is not a restore target. */
export function assertLocalStoreEmpty(root: string): void {
  const entries = fs.existsSync(root) ? fs.readdirSync(root).filter((e) => e !== 'tmp') : [];
  if (entries.length > 0) {
    throw new RestoreRefusedError(`Kho tài liệu ${root} đã có tệp. Chỉ khôi phục vào thư mục dữ liệu RỖNG.`);
  }
}

export async function runRestore(
  database: Database,
  o: { store: FileStore; dir: string; manifest: Manifest; secrets: KeySecrets },
): Promise<RestoreResult> {
  const { store, dir, manifest, secrets } = o;
  const started = Date.now();
  if (!migrationJournal().some((m) => m.tag === manifest.migration)) {
    throw new RestoreRefusedError(
      `Bản sao lưu ở cấu trúc ${manifest.migration} (phiên bản ${manifest.appVersion}) mới hơn phiên bản đang cài: hãy cập nhật Thước Đo rồi khôi phục.`,
    );
  }
  await assertDatabaseEmpty(database.db);
  await migrateDatabase(database);
  // Migrations alone insert no rows; checked again so a concurrent writer cannot slip in between.
  await assertDatabaseEmpty(database.db);

  let files = 0;
  const created: string[] = [];
  try {
    for (const [rel, sha256] of Object.entries(manifest.checksums)) {
      if (!rel.startsWith('files/')) continue;
      const put = await store.put(createReadStream(path.join(dir, rel)));
      if (put.created) created.push(put.sha256);
      if (put.sha256 !== sha256) throw new BackupInvalidError(`Tệp ${rel} đọc lại không khớp SHA-256.`);
      files++;
    }
    const { rows, check } = await loadAndVerify(database, dir, manifest, secrets);
    return { rows, files, ms: Date.now() - started, check };
  } catch (err) {
    for (const sha256 of created) await store.delete(sha256).catch(() => {});
    throw err;
  }
}

async function loadAndVerify(
  database: Database,
  dir: string,
  manifest: Manifest,
  secrets: KeySecrets,
): Promise<{ rows: number; check: RestoredCheck }> {
  let rows = 0;
  return database.db.transaction(async (tx) => {
    const catalog = new Map((await readCatalog(tx)).map((t) => [t.name, t]));
    for (const entry of manifest.tables) {
      const table = catalog.get(entry.name);
      if (!table) throw new RestoreRefusedError(`Phiên bản đang cài không còn bảng ${entry.name} của bản sao lưu.`);
      rows += await loadTable(tx, table, entry, dir);
    }
    for (const table of catalog.values()) {
      for (const c of table.identityColumns) {
        // The next generated id continues after the restored ones (audit_log.id).
        await resetIdentitySequence(tx, table.name, c);
      }
    }
    const check = await checkRestored(tx, secrets);
    if (!restoredOk(check)) throw new RestoreVerificationError(check);
    return { rows, check };
  });
}

async function loadTable(tx: Db, table: TableInfo, entry: ManifestTable, dir: string): Promise<number> {
  const columns = entry.columns.filter((c) => table.columns.includes(c));
  const count = await inBatches(path.join(dir, entry.file), tableRowInserter(tx, table, columns));
  if (count !== entry.rows)
    throw new BackupInvalidError(`Bảng ${entry.name}: ${count} dòng, manifest.json ghi ${entry.rows}.`);

  // Self-references (a unit's parent) were inserted as null: a batch may hold a child before its parent.
  const refs = table.selfReferences.filter((c) => columns.includes(c));
  if (refs.length > 0) await inBatches(path.join(dir, entry.file), selfReferenceRestorer(tx, table, refs));
  return count;
}

/** Feeds the NDJSON lines to `run` as JSON arrays of at most BATCH_ROWS rows / BATCH_BYTES characters. */
async function inBatches(file: string, run: (json: string) => Promise<unknown>): Promise<number> {
  let batch: string[] = [];
  let bytes = 0;
  let count = 0;
  for await (const line of ndjsonLines(file)) {
    batch.push(line);
    bytes += line.length;
    count++;
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
      await run(`[${batch.join(',')}]`);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) await run(`[${batch.join(',')}]`);
  return count;
}
