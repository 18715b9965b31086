// FROZEN COPY of src/core/results/items.ts as it stood before the one-engine refactor (issue 12). The
// property test test/unit/results/one-engine.property.test.ts compares the engine with it. Do not edit.
// What each leaf of the set contributes: its own scores, nothing (not applicable, reduce_max), or the
// scores of a council-added replacement indicator in its slot (000 Điều 8.4.b: "Số điểm của các chỉ
// số không đánh giá, chấm điểm sẽ được giảm trừ hoặc được bổ sung chỉ số khác thay thế … do Hội đồng
// thẩm định quyết định" — the council decides, item by item, between the two).
import { toHundredths } from '../../../src/core/framework/rounding.ts';
import type { CompiledDefinition } from '../../../src/core/results/compiled.ts';
import type { ItemScoreInput, ItemScores, ResultIssue, ResultRules } from '../../../src/core/results/types.ts';

export interface LeafValues {
  /** Hundredths, clamped to 0…max. */
  final: number;
  self: number;
  /** Hundredths; 0 when not applicable. */
  applicableMax: number;
  notApplicable: boolean;
  /** Applicable with no final score yet (counted as 0). */
  unappraised: boolean;
  /** Code whose scores fill the slot when it is a replacement. */
  scoredBy: string;
}

export function getItem(scores: ItemScores, code: string): ItemScoreInput | undefined {
  if (scores instanceof Map) return scores.get(code);
  const rec = scores as Readonly<Record<string, ItemScoreInput | undefined>>;
  return Object.hasOwn(rec, code) ? rec[code] : undefined;
}

function itemCodes(scores: ItemScores): Iterable<string> {
  return scores instanceof Map ? scores.keys() : Object.keys(scores);
}

// Scores outside 0…max are a data error upstream (the appraisal form validates); they are clamped so a
// single typo cannot push a unit above 100 %, and reported so a person fixes the source.
export function clampH(
  value: number | null,
  maxH: number,
  code: string,
  which: 'FINAL' | 'SELF',
  issues: ResultIssue[],
): number {
  if (value === null || !Number.isFinite(value)) return 0;
  const h = toHundredths(value);
  if (h >= 0 && h <= maxH) return h;
  issues.push({
    code: `${which}_CLAMPED`,
    itemCode: code,
    message: `Điểm ${which === 'FINAL' ? 'thẩm định' : 'tự chấm'} ${value} ngoài khoảng 0…${maxH / 100}, đã đưa về giới hạn`,
  });
  return h < 0 ? 0 : maxH;
}

export function resolveLeaves(
  c: CompiledDefinition,
  scores: ItemScores,
  rules: ResultRules,
  issues: ResultIssue[],
): LeafValues[] {
  const out: LeafValues[] = [];
  const usedReplacements = new Set<string>();
  for (const i of c.leafIndices) {
    const code = c.codes[i]!;
    const maxH = c.maxH[i]!;
    const entry = getItem(scores, code);
    let source: ItemScoreInput | undefined = entry;
    let scoredBy = code;
    if (entry?.notApplicable) {
      const repl = entry.replacementCode;
      let replaced = false;
      if (repl !== undefined && rules.notApplicable !== 'replacement') {
        issues.push({
          code: 'REPLACEMENT_IGNORED',
          itemCode: code,
          message: `Kỳ đánh giá giảm trừ điểm tối đa: chỉ số thay thế ${repl} không được tính`,
        });
      } else if (repl !== undefined) {
        // A replacement must be an indicator the council added, not a node of the set: a node of the
        // set already scores in its own place and would count twice.
        if (c.indexByCode.has(repl))
          issues.push({
            code: 'REPLACEMENT_IS_NODE',
            itemCode: code,
            message: `${repl} là chỉ số của bộ chỉ số, không thể dùng làm chỉ số thay thế`,
          });
        else if (usedReplacements.has(repl))
          issues.push({
            code: 'REPLACEMENT_REUSED',
            itemCode: code,
            message: `Chỉ số thay thế ${repl} đã thay cho chỉ số khác`,
          });
        else {
          usedReplacements.add(repl);
          source = getItem(scores, repl);
          scoredBy = repl;
          replaced = true;
        }
      }
      if (!replaced) {
        out.push({ final: 0, self: 0, applicableMax: 0, notApplicable: true, unappraised: false, scoredBy: code });
        continue;
      }
    }
    const final = source?.final ?? null;
    out.push({
      final: clampH(final, maxH, scoredBy, 'FINAL', issues),
      self: clampH(source?.self ?? null, maxH, scoredBy, 'SELF', issues),
      applicableMax: maxH,
      notApplicable: false,
      unappraised: final === null,
      scoredBy,
    });
  }
  for (const code of itemCodes(scores)) {
    if (c.indexByCode.has(code) || usedReplacements.has(code)) continue;
    issues.push({
      code: 'UNKNOWN_CODE',
      itemCode: code,
      message: `${code} không thuộc bộ chỉ số và không thay thế chỉ số nào: không được tính`,
    });
  }
  return out;
}
