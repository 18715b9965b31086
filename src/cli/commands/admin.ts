// `thuocdo admin create`: the first administrator of a production installation (demo accounts are never
// created there). Password from --password, THUOCDO_ADMIN_PASSWORD, or an interactive prompt.
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { createUser } from '../../app/users/create-user.ts';
import { usernameSchema, fullNameSchema } from '../../contract/user-fields.ts';
import { withDatabase } from './database.ts';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { oldestRootUnit } from '../../db/queries/cli-commands.ts';
import { insertUnit } from '../../db/queries/org-unit-writes.ts';
import { childPath } from '../../db/queries/unit-path.ts';
import { insertRoleAssignments } from '../../db/queries/user-writes.ts';
import { randomUUID } from 'node:crypto';
import { writeAudit } from '../../db/audit/write-audit.ts';

const CLI_ACTOR = { id: null, name: 'cli' };

async function askPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Mật khẩu / password: ');
  } finally {
    rl.close();
  }
}

export function registerAdminCommands(program: Command) {
  const admin = program.command('admin').description('Administrator accounts');
  admin
    .command('create')
    .description('Create a system administrator (and the root unit, if the tree is empty)')
    .requiredOption('--username <username>')
    .option('--full-name <name>', 'full name', 'Quản trị hệ thống')
    .option('--password <password>', 'password (or THUOCDO_ADMIN_PASSWORD, or prompt)')
    .option('--root-code <code>', 'code of the root unit to create when the tree is empty', 'ROOT')
    .option('--root-name <name>', 'name of that root unit', 'Đơn vị gốc')
    .action(
      async (opts: { username: string; fullName: string; password?: string; rootCode: string; rootName: string }) => {
        const username = usernameSchema.parse(opts.username);
        const fullName = fullNameSchema.parse(opts.fullName);
        const password = opts.password ?? process.env.THUOCDO_ADMIN_PASSWORD ?? (await askPassword());
        await withDatabase(async ({ db }) => {
          const user = await createUser(db, { actor: null, audit: CLI_ACTOR }, { username, fullName, password });
          await db.transaction(async (tx) => {
            let root = await oldestRootUnit(tx);
            if (!root) {
              const id = randomUUID();
              const name = opts.rootName.normalize('NFC');
              root = await insertUnit(tx, {
                id,
                code: opts.rootCode,
                name,
                nameFolded: foldVietnamese(name),
                type: 'province',
                path: childPath(null, id),
              });
              await writeAudit(tx, CLI_ACTOR, {
                action: 'org_unit.create',
                objectType: 'org_unit',
                objectId: id,
                unitId: id,
                after: root,
                reason: 'thuocdo admin create',
              });
            }
            await insertRoleAssignments(tx, [
              { userId: user.id, role: 'system_admin', unitId: root.id, subtree: true },
            ]);
            await writeAudit(tx, CLI_ACTOR, {
              action: 'role.assign',
              objectType: 'user',
              objectId: user.id,
              unitId: root.id,
              after: { role: 'system_admin', unitCode: root.code, subtree: true },
              reason: 'thuocdo admin create',
            });
          });
          console.log(`Đã tạo quản trị hệ thống "${username}". / Administrator created.`);
        });
      },
    );
}
