// `thuocdo backup DIR` and `thuocdo restore DIR` (see README, "Sao lưu / Backup"). Both use the configured
// database (DATABASE_URL, or the embedded one in THUOCDO_DATA_DIR — which must not be served meanwhile:
// the data-directory lock refuses) and the configured evidence store.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openDatabase } from '../../db/client.ts';
import { loadConfig } from '../../infra/config.ts';
import { runBackup } from '../../app/backup/backup.ts';
import { readVerifiedManifest } from '../../app/backup/manifest.ts';
import { assertLocalStoreEmpty, runRestore } from '../../app/backup/restore.ts';
import { KEY_SECRET_FILE, keySecrets } from '../../app/publication/key-secret.ts';
import { sealSigningKeys } from '../../app/publication/signing-key.ts';
import { createFileStore } from '../../infra/storage/create-file-store.ts';

export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .description(
      'Sao lưu nhất quán toàn bộ dữ liệu, tệp minh chứng và khóa công khai vào DIR / consistent backup into DIR',
    )
    .argument('<dir>', 'thư mục đích mới hoặc rỗng')
    .action(async (dir: string) => {
      const config = loadConfig();
      process.umask(0o077);
      const database = await openDatabase(config);
      try {
        // A key left in clear by an earlier version is encrypted before it could be copied.
        const sealed = await sealSigningKeys(database.db, keySecrets(config));
        if (sealed.encrypted.length > 0) console.log(`Đã mã hóa ${sealed.encrypted.length} khóa ký còn lưu dạng rõ.`);
        const { manifest, ms } = await runBackup(database, {
          store: createFileStore(config),
          dir: path.resolve(dir),
          clock: () => new Date(),
        });
        const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
        console.log(
          `Đã sao lưu ${rows} dòng trong ${manifest.tables.length} bảng, ${manifest.evidenceFiles} tệp minh chứng, ${manifest.signingKeys} khóa ký vào ${path.resolve(dir)} (${ms} ms).`,
        );
        console.log(
          'Lưu ý: bản sao lưu chứa mã băm mật khẩu, phiên đăng nhập và khóa ký (đã mã hóa) — hãy bảo vệ nó như chính máy chủ.',
        );
        console.log(
          keySecrets(config).source === 'SESSION_SECRET'
            ? 'Khóa ký được mã hóa bằng SESSION_SECRET: khi khôi phục cần cùng SESSION_SECRET.'
            : `Khóa ký được mã hóa bằng tệp ${path.join(config.dataDir, KEY_SECRET_FILE)} (KHÔNG có trong bản sao lưu): khi khôi phục sang thư mục dữ liệu khác, chép tệp đó sang trước.`,
        );
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
      process.umask(0o077);
      // Verified before anything is opened or created: a damaged backup leaves the target untouched.
      const manifest = await readVerifiedManifest(path.resolve(dir));
      if (config.evidenceStore.kind === 'local') assertLocalStoreEmpty(path.join(config.dataDir, 'files'));
      // What this command creates in the data directory, removed again if the restore fails.
      const mine = ['pgdata', 'files', KEY_SECRET_FILE]
        .map((name) => path.join(config.dataDir, name))
        .filter((p) => !fs.existsSync(p));
      const database = await openDatabase(config);
      let restored = false;
      try {
        const result = await runRestore(database, {
          store: createFileStore(config),
          dir: path.resolve(dir),
          manifest,
          secrets: keySecrets(config),
        });
        restored = true;
        console.log(`Đã khôi phục ${result.rows} dòng và ${result.files} tệp minh chứng (${result.ms} ms).`);
        console.log(
          `Kiểm tra: ${result.check.snapshots} bản công bố (mã băm, chữ ký, khóa) và ${result.check.auditEntries} bản ghi nhật ký (liên kết, điểm neo) đều hợp lệ.`,
        );
      } finally {
        await database.close();
        if (!restored) for (const p of mine) fs.rmSync(p, { recursive: true, force: true });
      }
    });
}
