// Typing an item's inputs from text (spreadsheet cells, "a=30; b=40", machine clients sending strings):
// plain numbers with one decimal comma or dot (no thousands grouping: a numeric cell 1.234 reads as
// "1.234", the same rule as the engine's readNumber), yes/no words, a choice by its value or its label. Only the
// conversion lives here; whether a value is acceptable is decided by the item-input validation
// (src/app/assessments/item-input.ts) with the scoring engine — text that is not a
// number stays text, so that validation names it in Vietnamese.
import type { FrameworkNode } from '../core/framework/index.ts';
import { foldVietnamese } from '../core/text/vietnamese.ts';

export type InputKind = 'number' | 'boolean' | 'choice';

/** The kind of each input the item's method reads (plus `notApplicable`, a yes/no). */
export function inputKinds(node: FrameworkNode): Map<string, InputKind> {
  const m = node.method ?? { kind: 'manual' as const };
  const kinds = new Map<string, InputKind>();
  switch (m.kind) {
    case 'manual':
      kinds.set('score', 'number');
      break;
    case 'yesno':
      kinds.set('yes', 'boolean');
      break;
    case 'choice':
      kinds.set('choice', 'choice');
      break;
    case 'ratio':
      kinds.set('a', 'number').set('b', 'number');
      break;
    case 'steps':
      if (m.input === 'percent') kinds.set('a', 'number').set('b', 'number');
      else kinds.set('value', 'number');
      break;
    case 'formula':
      for (const i of m.inputs) kinds.set(i.name, i.type === 'boolean' ? 'boolean' : 'number');
      break;
  }
  kinds.set('notApplicable', 'boolean');
  return kinds;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'co', 'x', '1', 'dat']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'khong', '0', 'chua', 'khong dat']);
const NUMBER_TEXT = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;

/** One value typed for the input `key` of the item; unknown inputs and unreadable text stay as given. */
export function typedInput(node: FrameworkNode, key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.normalize('NFC').trim();
  if (text === '') return null;
  const kind = inputKinds(node).get(key);
  if (kind === 'number') {
    return NUMBER_TEXT.test(text) ? Number(text.replace(',', '.')) : text;
  }
  if (kind === 'boolean') {
    const folded = foldVietnamese(text);
    if (TRUE_WORDS.has(folded)) return true;
    if (FALSE_WORDS.has(folded)) return false;
    return text;
  }
  if (kind === 'choice' && node.method?.kind === 'choice') {
    const folded = foldVietnamese(text);
    const option =
      node.method.options.find((o) => o.value === text) ??
      node.method.options.find((o) => foldVietnamese(o.value) === folded || foldVietnamese(o.label) === folded);
    return option ? option.value : text;
  }
  return text;
}

/** Every input typed (see typedInput). */
export function typedInputs(
  node: FrameworkNode,
  inputs: Record<string, unknown>,
): Record<string, number | boolean | string | null> {
  const out: Record<string, number | boolean | string | null> = {};
  for (const [key, value] of Object.entries(inputs))
    out[key] = typedInput(node, key, value) as number | boolean | string | null;
  return out;
}

/** The input's name as written in a sheet ("A", " b ", "notapplicable") → the method's own key. */
export function inputKeyOf(node: FrameworkNode, written: string): string {
  const folded = foldVietnamese(written).replace(/\s+/g, '');
  for (const key of inputKinds(node).keys()) if (foldVietnamese(key) === folded) return key;
  return written.trim();
}
