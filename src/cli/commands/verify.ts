// `thuocdo verify FILE [--key PEM_FILE]`: checks a snapshot.json downloaded from the public portal
// offline — no database, no network. Exit 0 when valid, 2 when not (1 stays for usage errors).
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { checkSnapshotFile, describeCheck } from '../../app/publication/snapshot-file.ts';

export function registerVerifyCommand(program: Command) {
  program
    .command('verify')
    .description(
      'Kiểm tra bản công bố snapshot.json (mã băm SHA-256, chữ ký Ed25519) / verify a published snapshot offline',
    )
    .argument('<file>', 'snapshot.json tải từ cổng công khai')
    .option('--key <pemFile>', 'khóa công khai do đơn vị vận hành công bố (ghim khóa) / pinned public key PEM')
    .action(async (file: string, opts: { key?: string }) => {
      const text = await readFile(file, 'utf8');
      const pinned = opts.key ? await readFile(opts.key, 'utf8') : undefined;
      const check = checkSnapshotFile(text, pinned);
      for (const line of describeCheck(check)) (check.valid ? console.log : console.error)(line);
      process.exitCode = check.valid ? 0 : 2;
    });
}
