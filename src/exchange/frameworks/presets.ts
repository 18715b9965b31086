// The index sets shipped in frameworks/*.yaml (presets of the decisions, README there), read with the
// same checks as an upload: a preset that stops passing the schema or has validation errors is a bug
// and fails loudly; count warnings of structure-only presets are expected and returned.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FrameworkDefinition } from '../../core/framework/index.ts';
import { formatFileProblem, type FileProblem } from './file-problem.ts';
import { readFrameworkFile } from './read-framework-file.ts';

export interface PresetFile {
  file: string;
  definition: FrameworkDefinition;
  warnings: FileProblem[];
}

export const PRESETS_DIR = path.resolve(import.meta.dirname, '../../../frameworks');

export async function loadPresetFiles(dir = PRESETS_DIR): Promise<PresetFile[]> {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort();
  const out: PresetFile[] = [];
  for (const file of files) {
    const result = await readFrameworkFile(readFileSync(path.join(dir, file)));
    if (!result.ok) {
      throw new Error(`Bộ chỉ số có sẵn ${file} không hợp lệ:\n${result.problems.map(formatFileProblem).join('\n')}`);
    }
    out.push({ file, definition: result.definition, warnings: result.warnings });
  }
  return out;
}
