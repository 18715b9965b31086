// `thuocdo token create --username U --name N`: an API token for a machine client (e.g. the province's
// administrative-procedure system supplying figures), printed once on stdout so it can be piped into a
// secret store. Only its SHA-256 is kept.
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/accounts.ts';
import { createApiToken } from '../../server/operations/tokens/create-token.ts';
import { withDatabase } from './database.ts';

export function registerTokenCommands(program: Command) {
  const token = program.command('token').description('API tokens for machine clients');
  token
    .command('create')
    .description('Create an API token for an account and print it (shown once)')
    .requiredOption('--username <username>')
    .requiredOption('--name <name>', 'what the token is for, e.g. "Hệ thống một cửa tỉnh"')
    .action(async (opts: { username: string; name: string }) => {
      const name = opts.name.normalize('NFC').trim();
      if (!name || name.length > 200) throw new Error('Tên mã truy cập phải có từ 1 đến 200 ký tự.');
      await withDatabase(async ({ db }) => {
        const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, opts.username.trim().toLowerCase())).limit(1);
        if (!user) throw new Error(`Không có tài khoản "${opts.username}".`);
        const created = await createApiToken(db, { actor: null, audit: { id: null, name: 'cli' } }, user.id, name);
        console.error(`Đã tạo mã truy cập "${created.name}" (${created.id}) cho "${opts.username}". Mã chỉ hiển thị một lần: / Shown once:`);
        console.log(created.token);
      });
    });
}
