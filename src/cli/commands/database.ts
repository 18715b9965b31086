// `thuocdo migrate`, `thuocdo seed --demo` (the audit commands are in audit.ts).
import type { Command } from 'commander';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { seedDemo } from '../../seed/seed-demo.ts';
import { loadConfig } from '../../infra/config.ts';
import { keySecrets } from '../../app/publication/key-secret.ts';

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
        const { seeded } = await seedDemo(database.db, keySecrets(loadConfig()));
        console.log(
          seeded
            ? 'Đã nạp tỉnh mẫu Hà Tĩnh. / Demo province loaded.'
            : 'Cơ sở dữ liệu đã có đơn vị; bỏ qua. / Database not empty; nothing seeded.',
        );
      }),
    );
}
