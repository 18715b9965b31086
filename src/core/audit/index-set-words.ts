// The index set's own words for what an audit entry about an assessment records by key: the item's inputs
// (a ratio's numerator and denominator, a formula's named inputs, a steps item's value), the options of a
// choice item, and the assessment's information fields (issue 14 §6: the log says "Số thủ tục hành chính
// có phát sinh hồ sơ", not `a`). Keys carry their kind — input:a, choice:muc_2, info:population — since an
// input and an information field may share a name.
import type { FrameworkDefinition, FrameworkNode } from '../framework/types.ts';

/** `info`: whether the entry records information fields; `item`: the item whose inputs it records, if any. */
export function indexSetWords(
  definition: FrameworkDefinition,
  want: { info: boolean; item: FrameworkNode | null },
): Record<string, string> {
  const words: Record<string, string> = Object.create(null) as Record<string, string>;
  if (want.info)
    for (const f of definition.infoFields ?? []) words[`info:${f.key}`] = f.unit ? `${f.label} (${f.unit})` : f.label;
  const method = want.item?.method;
  switch (method?.kind) {
    case 'ratio':
      if (method.numeratorLabel) words['input:a'] = method.numeratorLabel;
      if (method.denominatorLabel) words['input:b'] = method.denominatorLabel;
      break;
    case 'steps':
      if (method.valueLabel) words['input:value'] = method.valueLabel;
      break;
    case 'formula':
      for (const i of method.inputs) words[`input:${i.name}`] = i.label;
      break;
    case 'choice':
      for (const o of method.options) words[`choice:${o.value}`] = o.label;
      break;
    default:
      break;
  }
  return words;
}
