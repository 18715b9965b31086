// `thuocdo start` (what `npm start` runs: build web if stale, migrate, seed the demo province on an empty
// database, serve) and `thuocdo serve` (migrate and serve; no build, no seed).
import { seedDemo } from '../../seed/seed-demo.ts';
import type { Command } from 'commander';
import { DEMO_ACCOUNTS } from '../../seed/demo-accounts.ts';
import { loadConfig, type AppConfig } from '../../infra/config.ts';
import { listenHost, listenNote } from '../startup/listen-address.ts';
import { consoleSteps } from '../../server/startup-steps.ts';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { isClusterWorker, runClusterPrimary } from '../../server/cluster.ts';
import { startServer } from '../../server/start-server.ts';
import { buildWeb, webBuildIsStale } from './build-web.ts';

export function registerServerCommands(program: Command) {
  program
    .command('start')
    .description('Build the web app if needed, migrate, seed the demo province on an empty database, and serve')
    .option('--no-demo', 'do not seed the demo province')
    .action(async (opts: { demo: boolean }) => {
      const loaded = loadConfig();
      const demo = loaded.env !== 'production' && opts.demo;
      const config = { ...loaded, host: listenHost(loaded, demo) };
      const steps = consoleSteps();
      await steps.run(
        'Build giao diện web / build web',
        () => {
          if (!webBuildIsStale()) return false;
          buildWeb();
          return true;
        },
        (built) => (built ? undefined : 'đã mới, bỏ qua / up to date, skipped'),
      );
      const server = await startServer(config, {
        seedDemo: opts.demo ? seedDemo : undefined,
        handleSignals: true,
        steps,
      });
      printBanner(server.url, demo, server.database.kind, config);
    });

  program
    .command('serve')
    .description('Migrate and serve (production entry point; never seeds)')
    .option(
      '--workers <n>',
      'số tiến trình xử lý dùng chung cổng (cần PostgreSQL) / app processes sharing the port (PostgreSQL only)',
      '1',
    )
    .action(async (opts: { workers: string }) => {
      const config = loadConfig();
      const workers = Number(opts.workers);
      if (!Number.isInteger(workers) || workers < 1) throw new Error('--workers phải là số nguyên dương.');
      if (workers > 1 && !isClusterWorker()) {
        // PGlite has no cross-process lock: several processes on one data directory would corrupt it.
        if (!config.databaseUrl)
          throw new Error(
            'Chạy nhiều tiến trình (--workers) cần PostgreSQL (DATABASE_URL); CSDL nhúng chỉ dùng được một tiến trình.',
          );
        // Migrate once here, so N workers do not race to apply the same migrations.
        const database = await openDatabase(config);
        try {
          await migrateDatabase(database);
        } finally {
          await database.close();
        }
        runClusterPrimary({ workers, log: (m) => console.error(m) });
        return;
      }
      const server = await startServer(config, { handleSignals: true });
      printBanner(server.url, false, server.database.kind, config);
    });
}

function printBanner(url: string, demo: boolean, kind: string, config: AppConfig) {
  const lines = [
    '',
    `Thước Đo đang chạy tại / is running at: ${url}`,
    listenNote(config.host, demo, config.hostGiven),
    `Cơ sở dữ liệu / database: ${kind === 'pglite' ? `PGlite (nhúng) tại ${config.dataDir}` : 'PostgreSQL'}`,
  ];
  if (demo) {
    lines.push('Tài khoản mẫu / demo accounts (tên đăng nhập / mật khẩu — vai trò):');
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.username.padEnd(18)} ${a.password.padEnd(10)} ${a.what}`);
  }
  console.log(lines.join('\n') + '\n');
}
