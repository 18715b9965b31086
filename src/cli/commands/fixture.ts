// `thuocdo fixture national`: generates the national load-test dataset on the configured database
// (THUOCDO_DATA_DIR or DATABASE_URL) and evidence store, and reports how long each phase took.
import type { Command } from 'commander';
import { loadConfig } from '../../infra/config.ts';
import { keySecrets } from '../../app/publication/key-secret.ts';
import { createFileStore } from '../../infra/storage/create-file-store.ts';
import { withDatabase } from './database.ts';

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}: cần một số nguyên không âm`);
  return n;
};

export function registerFixtureCommands(program: Command) {
  const fixture = program.command('fixture').description('Generate test datasets (never in production)');
  fixture
    .command('national')
    .description(
      '34 provinces, their communes and departments, a 100-item index set, a published and an open campaign, evidence files',
    )
    .option('--units <n>', 'units in all', int('--units'), 4000)
    .option('--items <n>', 'items of the index set', int('--items'), 100)
    .option('--files-mb <n>', 'distinct evidence bytes to generate (MB)', int('--files-mb'), 1024)
    .option('--seed <n>', 'seed of every generated value', int('--seed'), 42)
    .option('--skip-files', 'evidence as links only, no files')
    .action(async (o: { units: number; items: number; filesMb: number; seed: number; skipFiles?: boolean }) => {
      const config = loadConfig();
      if (config.env === 'production') throw new Error('Không sinh dữ liệu thử tải khi NODE_ENV=production.');
      // Imported here, not with the CLI: its file makers load exceljs, docx and pdfkit, which every
      // `thuocdo start` would otherwise load too (~0.5 s of the cold start).
      const { generateNationalFixture } = await import('../../fixture/national.ts');
      await withDatabase(async (database) => {
        const t0 = performance.now();
        const s = await generateNationalFixture(
          database.db,
          o.skipFiles ? null : createFileStore(config),
          { ...o, skipFiles: Boolean(o.skipFiles) },
          keySecrets(config),
        );
        const total = Math.round(performance.now() - t0);
        console.log(
          `Đã sinh dữ liệu thử tải (${database.kind}) trong ${(total / 1000).toFixed(1)} s / fixture generated in ${total} ms`,
        );
        console.log(
          JSON.stringify(
            {
              db: database.kind,
              totalMs: total,
              phasesMs: s.ms,
              units: s.units,
              users: s.users,
              files: s.files,
              lastYear: s.lastYear,
              current: s.current,
            },
            null,
            2,
          ),
        );
      });
    });
}
