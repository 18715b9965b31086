// `thuocdo token create --username U --name N --scope S [--days D]`: an API token for a machine client
// (e.g. the province's administrative-procedure system supplying figures), printed once on stdout so it
// can be piped into a secret store. Only its SHA-256 is kept. Scopes: core/policy/token-scopes.ts.
import type { Command } from 'commander';
import { TOKEN_SCOPES, isTokenScope } from '../../core/policy/token-scopes.ts';
import { userIdWithUsername } from '../../db/queries/cli-commands.ts';
import { loadConfig } from '../../infra/config.ts';
import { createApiToken } from '../../app/tokens/create-token.ts';
import { withDatabase } from './database.ts';

export function registerTokenCommands(program: Command) {
  const token = program.command('token').description('API tokens for machine clients');
  token
    .command('create')
    .description('Create an API token for an account and print it (shown once)')
    .requiredOption('--username <username>')
    .requiredOption('--name <name>', 'what the token is for, e.g. "Hệ thống một cửa tỉnh"')
    .option('--scope <scope>', `what it may do: ${TOKEN_SCOPES.join(' | ')}`, 'figures:write')
    .option('--days <days>', 'lifetime in days (default API_TOKEN_DAYS, at most API_TOKEN_MAX_DAYS)')
    .action(async (opts: { username: string; name: string; scope: string; days?: string }) => {
      const name = opts.name.normalize('NFC').trim();
      if (!name || name.length > 200) throw new Error('Tên mã truy cập phải có từ 1 đến 200 ký tự.');
      if (!isTokenScope(opts.scope))
        throw new Error(`Phạm vi "${opts.scope}" không hợp lệ; dùng một trong: ${TOKEN_SCOPES.join(', ')}.`);
      const days = opts.days === undefined ? undefined : Number(opts.days);
      if (days !== undefined && (!Number.isInteger(days) || days < 1))
        throw new Error('--days phải là số ngày nguyên dương.');
      const scope = opts.scope;
      await withDatabase(async ({ db }) => {
        const userId = await userIdWithUsername(db, opts.username.trim().toLowerCase());
        if (!userId) throw new Error(`Không có tài khoản "${opts.username}".`);
        const created = await createApiToken(db, {
          who: { actor: null, audit: { id: null, name: 'cli' } },
          userId,
          input: { name, scope, expiresInDays: days },
          limits: loadConfig().apiTokenDays,
          realNow: new Date(),
        });
        console.error(
          `Đã tạo mã truy cập "${created.name}" (${created.id}, phạm vi ${created.scope}, hết hạn ${created.expiresAt}) cho "${opts.username}". Mã chỉ hiển thị một lần: / Shown once:`,
        );
        console.log(created.token);
      });
    });
}
