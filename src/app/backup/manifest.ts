// The backup's table of contents (manifest.json): format and app versions, the migration the data is at,
// when it was taken, the row count of every table and the SHA-256 of every file. Restore checks every
// checksum before it touches the target, so a damaged or altered backup is refused whole.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client.ts';
import { MIGRATIONS_DIR } from '../../db/migrate.ts';
import { lastMigrationTimestamp } from '../../db/queries/backup-catalog.ts';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const BACKUP_FORMAT = 'thuocdo-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface ManifestTable {
  name: string;
  file: string;
  rows: number;
  columns: string[];
}

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  migration: string;
  createdAt: string;
  database: 'pglite' | 'postgres';
  tables: ManifestTable[];
  evidenceFiles: number;
  signingKeys: number;
  /** Relative path → SHA-256 (hex) of every file in the backup except this manifest. */
  checksums: Record<string, string>;
}

export function appVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function migrationJournal(): { tag: string; when: number }[] {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map((e) => ({ tag: e.tag, when: e.when }));
}

/** The tag of the last migration applied to this database (Drizzle records each one's journal timestamp). */
export async function currentMigration(db: Db): Promise<string> {
  const at = await lastMigrationTimestamp(db);
  const entry = migrationJournal().find((e) => e.when === at);
  if (!entry)
    throw new Error('Không xác định được phiên bản cấu trúc cơ sở dữ liệu (bảng drizzle.__drizzle_migrations).');
  return entry.tag;
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => hash.update(c))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export class BackupInvalidError extends Error {}

/** Reads manifest.json and checks it and every listed file; throws BackupInvalidError naming the first problem. */
export async function readVerifiedManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file))
    throw new BackupInvalidError(`Không tìm thấy ${file}: thư mục này không phải bản sao lưu Thước Đo.`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupInvalidError(
      `Định dạng sao lưu không được hỗ trợ (${manifest.format} v${manifest.formatVersion}).`,
    );
  }
  const listed = new Set(Object.keys(manifest.checksums));
  for (const t of manifest.tables) {
    if (!listed.has(t.file)) throw new BackupInvalidError(`Tệp ${t.file} không có mã kiểm tra trong manifest.json.`);
  }
  for (const [rel, expected] of Object.entries(manifest.checksums)) {
    const full = path.resolve(dir, rel);
    if (!full.startsWith(path.resolve(dir) + path.sep))
      throw new BackupInvalidError(`Đường dẫn không hợp lệ trong manifest.json: ${rel}`);
    if (!fs.existsSync(full)) throw new BackupInvalidError(`Bản sao lưu thiếu tệp ${rel}.`);
    const actual = await sha256File(full);
    if (actual !== expected) {
      throw new BackupInvalidError(
        `Tệp ${rel} đã bị thay đổi hoặc hỏng (SHA-256 không khớp với manifest.json). Không khôi phục từ bản sao lưu này.`,
      );
    }
  }
  return manifest;
}
