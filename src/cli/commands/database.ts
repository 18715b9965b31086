// `thuocdo migrate`, `thuocdo seed --demo`, `thuocdo audit verify`.
import type { Command } from 'commander';
import { verifyAuditChain } from '../../db/audit/verify-audit.ts';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { seedDemo } from '../../db/seed/seed-demo.ts';
import { loadConfig } from '../../server/config.ts';

export async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig());
  try {
    await migrateDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

export function registerDatabaseCommands(program: Command) {
  program
    .command('migrate')
    .description('Apply database migrations')
    .action(() => withDatabase(async () => console.log('Đã cập nhật cấu trúc cơ sở dữ liệu. / Migrations applied.')));

  program
    .command('seed')
    .description('Load data: --demo loads the Hà Tĩnh demo province and demo accounts (never in production)')
    .requiredOption('--demo', 'the demo province')
    .action(() =>
      withDatabase(async (database) => {
        if (loadConfig().env === 'production') throw new Error('Không nạp dữ liệu mẫu khi NODE_ENV=production.');
        const { seeded } = await seedDemo(database.db);
        console.log(seeded ? 'Đã nạp tỉnh mẫu Hà Tĩnh. / Demo province loaded.' : 'Cơ sở dữ liệu đã có đơn vị; bỏ qua. / Database not empty; nothing seeded.');
      }),
    );

  const audit = program.command('audit').description('Audit log tools');
  audit
    .command('verify')
    .description('Recompute the hash chain and report the first broken link')
    .action(() =>
      withDatabase(async (database) => {
        const result = await verifyAuditChain(database.db);
        if (result.ok) {
          console.log(`Nhật ký toàn vẹn: ${result.entries} bản ghi. / Audit chain intact: ${result.entries} entries.`);
        } else {
          console.error(`Chuỗi nhật ký bị phá vỡ tại bản ghi #${result.brokenAt} (${result.reason}). / Audit chain broken at entry #${result.brokenAt}.`);
          process.exitCode = 2;
        }
      }),
    );
}
