// Entry of the `thuocdo` command line. Each command group lives in its own file under commands/.
import { Command } from 'commander';
import { DataDirInsecureError } from '../db/data-dir.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { ConfigError } from '../infra/config.ts';
import { registerAdminCommands } from './commands/admin.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerDatabaseCommands } from './commands/database.ts';
import { registerFixtureCommands } from './commands/fixture.ts';
import { registerFrameworkCommands } from './commands/framework.ts';
import { registerServerCommands } from './commands/server.ts';
import { registerTokenCommands } from './commands/token.ts';
import { registerVerifyCommand } from './commands/verify.ts';

const program = new Command('thuocdo').description('Thước Đo — nền tảng đánh giá chỉ số chuyển đổi số (DTI)');
registerServerCommands(program);
registerDatabaseCommands(program);
registerAuditCommands(program);
registerAdminCommands(program);
registerFrameworkCommands(program);
registerTokenCommands(program);
registerVerifyCommand(program);
registerFixtureCommands(program);
registerBackupCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof DataDirInsecureError) {
    console.error(err.message);
  } else if (err instanceof Error && 'issues' in err) {
    console.error(
      `Giá trị không hợp lệ: ${(err as { issues: { message: string }[] }).issues.map((i) => i.message).join('; ')}`,
    );
  } else {
    console.error(err instanceof Error ? err.message : String(err));
  }
  process.exit(1);
}
