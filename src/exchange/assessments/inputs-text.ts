// An item's inputs as one cell of text: "a=30; b=40", "yes=Có", "choice=Vừa" (the option's label).
// A single-input method (yes/no, choice, a count) also takes the bare value ("Có", "Vừa", "6"), which is
// how people fill a form offline. Reading returns text values; typing them against the method is
// item-inputs.ts's job and validating them the item-input validation's.
import type { FrameworkNode } from '../../core/framework/index.ts';
import { inputKeyOf, inputKinds } from '../item-inputs.ts';

function formatValue(node: FrameworkNode, key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (key === 'choice' && node.method?.kind === 'choice')
    return node.method.options.find((o) => o.value === value)?.label ?? String(value);
  if (typeof value === 'number') return String(value).replace('.', ',');
  return String(value);
}

/** The inputs a unit fills (the manual score goes in its own column, not here). */
export function formatInputs(node: FrameworkNode, inputs: Record<string, unknown>): string {
  const order = [...inputKinds(node).keys()];
  return Object.entries(inputs)
    .filter(
      ([key, v]) =>
        key !== 'score' && v !== null && v !== undefined && v !== '' && !(key === 'notApplicable' && v === false),
    )
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([key, v]) => `${key}=${formatValue(node, key, v)}`)
    .join('; ');
}

/** What to write in the cell so a person knows the names: "a = Hồ sơ trực tuyến; b = Tổng hồ sơ". */
export function describeInputs(node: FrameworkNode): string {
  const m = node.method;
  if (!m || m.kind === 'manual') return 'Nhập điểm vào cột "Điểm tự chấm".';
  switch (m.kind) {
    case 'yesno':
      return 'Số liệu: yes=Có hoặc yes=Không.';
    case 'choice':
      return `Số liệu: choice=${m.options.map((o) => o.label).join(' | ')}.`;
    case 'ratio':
      return `Số liệu: a = ${m.numeratorLabel ?? 'tử số'}; b = ${m.denominatorLabel ?? 'mẫu số'}.`;
    case 'steps':
      return m.input === 'percent'
        ? 'Số liệu: a = tử số; b = mẫu số (tỷ lệ a/b × 100%).'
        : `Số liệu: value = ${m.valueLabel ?? 'giá trị'}.`;
    case 'formula':
      return `Số liệu: ${m.inputs.map((i) => `${i.name} = ${i.label}`).join('; ')}.`;
  }
}

/** A refusal names its code (core/imports FORM_IMPORT_PROBLEM_CODES) and the part it is about. */
export type ParsedInputs =
  | { ok: true; inputs: Record<string, string> }
  | {
      ok: false;
      code: 'INPUT_NOT_NAME_VALUE' | 'INPUT_NAME_MISSING' | 'INPUT_TWICE';
      params: Record<string, string>;
      message: string;
    };

export function parseInputs(node: FrameworkNode, text: string): ParsedInputs {
  const inputs: Record<string, string> = {};
  const parts = text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const keys = [...inputKinds(node).keys()].filter((k) => k !== 'notApplicable' && k !== 'score');
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      if (parts.length === 1 && keys.length === 1) {
        inputs[keys[0]!] = part;
        continue;
      }
      return {
        ok: false,
        code: 'INPUT_NOT_NAME_VALUE',
        params: { value: part.slice(0, 60) },
        message: `"${part.slice(0, 60)}" phải có dạng tên=giá trị (ví dụ: a=30; b=40).`,
      };
    }
    const key = inputKeyOf(node, part.slice(0, eq));
    const value = part.slice(eq + 1).trim();
    if (!key)
      return {
        ok: false,
        code: 'INPUT_NAME_MISSING',
        params: { value: part.slice(0, 60) },
        message: `"${part.slice(0, 60)}" thiếu tên số liệu.`,
      };
    if (key in inputs)
      return { ok: false, code: 'INPUT_TWICE', params: { input: key }, message: `Số liệu "${key}" được ghi hai lần.` };
    inputs[key] = value;
  }
  return { ok: true, inputs };
}
