// `thuocdo framework validate FILE` (the Vietnamese report, exit 1 on errors; no database needed),
// `thuocdo framework import FILE [--owner UNIT_CODE]` (a draft of a new set issued by that unit — the
// root unit by default — or the next version of the set with the same code; prints its id) and
// `thuocdo framework export ID --format xlsx|yaml|json [--out FILE]`.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { findUnitsByCodes } from '../../db/queries/org-units.ts';
import { frameworkById } from '../../db/queries/cli-commands.ts';
import { formatFileProblem } from '../../exchange/frameworks/file-problem.ts';
import { writeFrameworkJson, writeFrameworkYaml } from '../../exchange/frameworks/framework-document.ts';
import { readFrameworkFile } from '../../exchange/frameworks/read-framework-file.ts';
import { writeFrameworkWorkbook } from '../../exchange/frameworks/write-framework-workbook.ts';
import { createFramework } from '../../app/frameworks/create-framework.ts';
import { withDatabase } from './database.ts';
import { normalizeDefinition } from '../../exchange/frameworks/normalize-definition.ts';

const CLI_WHO = { actor: null, audit: { id: null, name: 'cli' }, userId: null };

async function readChecked(file: string) {
  const result = await readFrameworkFile(readFileSync(file));
  const problems = result.ok ? result.warnings : result.problems;
  for (const p of problems) (p.severity === 'error' ? console.error : console.log)(formatFileProblem(p));
  return result;
}

export function registerFrameworkCommands(program: Command) {
  const framework = program.command('framework').description('Index sets (bộ chỉ số): validate, import, export');

  framework
    .command('validate <file>')
    .description('Check an .xlsx (appendix layout), .yaml or .json index set; exit 1 on errors')
    .action(async (file: string) => {
      const result = await readChecked(file);
      if (!result.ok) {
        const errors = result.problems.filter((p) => p.severity === 'error').length;
        console.error(`Tệp có ${errors} lỗi. / ${errors} error(s).`);
        process.exitCode = 1;
        return;
      }
      console.log(
        `Hợp lệ: ${result.definition.code} — ${result.definition.name} (${result.warnings.length} cảnh báo). / Valid.`,
      );
    });

  framework
    .command('import <file>')
    .description('Import an index set as a draft and print its id')
    .option('--owner <unitCode>', 'code of the unit issuing a new set (default: the root unit, the province)')
    .action(async (file: string, opts: { owner?: string }) => {
      const result = await readChecked(file);
      if (!result.ok) {
        console.error('Chưa nhập gì vì tệp có lỗi. / Nothing imported.');
        process.exitCode = 1;
        return;
      }
      await withDatabase(async ({ db }) => {
        const owner = opts.owner ? (await findUnitsByCodes(db, [opts.owner]))[0] : undefined;
        if (opts.owner && !owner) throw new Error(`Không có đơn vị mã "${opts.owner}". / No unit with that code.`);
        const row = await createFramework(db, {
          who: CLI_WHO,
          definition: result.definition,
          reason: `Nhập từ tệp ${file}`,
          ...(owner ? { ownerUnitId: owner.id } : {}),
        });
        console.log(row.id);
        console.error(`Đã tạo bản nháp ${row.code} phiên bản ${row.version}. / Draft created.`);
      });
    });

  framework
    .command('export <id>')
    .description('Export a version as xlsx (appendix layout), yaml or json')
    .option('--format <format>', 'xlsx | yaml | json', 'yaml')
    .option('--out <file>', 'output file (default: standard output for yaml/json, <code>-v<version>.xlsx for xlsx)')
    .action(async (id: string, opts: { format: string; out?: string }) => {
      if (!['xlsx', 'yaml', 'json'].includes(opts.format))
        throw new Error(`Định dạng "${opts.format}" không hỗ trợ (xlsx, yaml, json).`);
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error(`Mã định danh "${id}" không hợp lệ.`);
      await withDatabase(async ({ db }) => {
        const row = await frameworkById(db, id);
        if (!row) throw new Error('Không tìm thấy bộ chỉ số.');
        const def = normalizeDefinition(row.definition);
        if (opts.format === 'xlsx') {
          const out = opts.out ?? `${row.code}-v${row.version}.xlsx`;
          writeFileSync(out, await writeFrameworkWorkbook(def));
          console.error(`Đã ghi ${out}.`);
          return;
        }
        const text = opts.format === 'json' ? writeFrameworkJson(def) : writeFrameworkYaml(def);
        if (opts.out) writeFileSync(opts.out, text);
        else process.stdout.write(text);
      });
    });
}
