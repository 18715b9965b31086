// `thuocdo backup DIR` and `thuocdo restore DIR` (see README, "Sao lưu / Backup"). Both use the configured
// database (DATABASE_URL, or the embedded one in THUOCDO_DATA_DIR — which must not be served meanwhile:
// the data-directory lock refuses) and the configured evidence store.
import path from 'node:path';
import type { Command } from 'commander';
import { openDatabase } from '../../db/client.ts';
import { loadConfig } from '../../server/config.ts';
import { runBackup } from '../../server/backup/backup.ts';
import { checkRestored } from '../../server/backup/check-restored.ts';
import { readVerifiedManifest } from '../../server/backup/manifest.ts';
import { assertLocalStoreEmpty, runRestore } from '../../server/backup/restore.ts';
import { createFileStore } from '../../server/storage/create-file-store.ts';

export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .description('Sao lưu nhất quán toàn bộ dữ liệu, tệp minh chứng và khóa công khai vào DIR / consistent backup into DIR')
    .argument('<dir>', 'thư mục đích mới hoặc rỗng')
    .action(async (dir: string) => {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        const { manifest, ms } = await runBackup(database, createFileStore(config), path.resolve(dir));
        const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
        console.log(`Đã sao lưu ${rows} dòng trong ${manifest.tables.length} bảng, ${manifest.evidenceFiles} tệp minh chứng, ${manifest.signingKeys} khóa ký vào ${path.resolve(dir)} (${ms} ms).`);
        console.log('Lưu ý: bản sao lưu chứa khóa bí mật ký bản công bố và mã băm mật khẩu — hãy bảo vệ nó như chính máy chủ.');
      } finally {
        await database.close();
      }
    });

  program
    .command('restore')
    .description('Khôi phục từ DIR vào cơ sở dữ liệu RỖNG / restore DIR into an empty database and data directory')
    .argument('<dir>', 'thư mục sao lưu (có manifest.json)')
    .action(async (dir: string) => {
      const config = loadConfig();
      // Verified before anything is opened or created: a damaged backup leaves the target untouched.
      const manifest = await readVerifiedManifest(path.resolve(dir));
      if (config.evidenceStore.kind === 'local') assertLocalStoreEmpty(path.join(config.dataDir, 'files'));
      const database = await openDatabase(config);
      try {
        const result = await runRestore(database, createFileStore(config), path.resolve(dir), manifest);
        console.log(`Đã khôi phục ${result.rows} dòng và ${result.files} tệp minh chứng (${result.ms} ms).`);
        const check = await checkRestored(database.db);
        console.log(`Kiểm tra: ${check.snapshots} bản công bố, ${check.auditEntries} bản ghi nhật ký.`);
        if (check.invalidSnapshots.length > 0 || !check.auditOk) {
          console.error(`Kiểm tra sau khôi phục KHÔNG đạt: bản công bố sai ${check.invalidSnapshots.join(', ') || '—'}; chuỗi nhật ký ${check.auditOk ? 'toàn vẹn' : 'bị phá vỡ'}.`);
          process.exitCode = 2;
        }
      } finally {
        await database.close();
      }
    });
}
