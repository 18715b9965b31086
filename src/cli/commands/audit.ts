// `thuocdo audit verify`: every chain's links, every chain against the latest signed checkpoint (what
// links alone cannot show: a deleted tail, a deleted chain, a re-hashed chain), and the checkpoints.
// `thuocdo audit checkpoint`: signs and stores the chains' current heads now (the server also does it
// hourly and after each publication). Exit code 2 when the log is not intact.
import type { Command } from 'commander';
import { loadConfig } from '../../infra/config.ts';
import { writeAuditCheckpoint } from '../../app/audit/checkpoints.ts';
import { describeAudit, verifyAudit } from '../../app/audit/verify-anchored.ts';
import { keySecrets } from '../../app/publication/key-secret.ts';
import { withDatabase } from './database.ts';

export function registerAuditCommands(program: Command) {
  const audit = program.command('audit').description('Audit log tools');
  audit
    .command('verify')
    .description('Check every hash chain and every chain against the latest signed checkpoint')
    .action(() =>
      withDatabase(async (database) => {
        const result = await verifyAudit(database.db, keySecrets(loadConfig()));
        const [head, ...rest] = describeAudit(result);
        (result.ok ? console.log : console.error)([head, ...rest].join('\n'));
        if (!result.ok) process.exitCode = 2;
      }),
    );
  audit
    .command('checkpoint')
    .description('Sign and store the count and head hash of every chain now')
    .action(() =>
      withDatabase(async (database) => {
        const c = await writeAuditCheckpoint(database.db, keySecrets(loadConfig()), new Date());
        console.log(
          c.written
            ? `Đã ghi điểm neo #${c.id}: ${c.entries} bản ghi, ${c.chains} chuỗi, SHA-256 ${c.digest}. / Checkpoint written.`
            : `Không có bản ghi mới từ điểm neo #${c.id} (SHA-256 ${c.digest}). / Nothing new since the last checkpoint.`,
        );
      }),
    );
}
