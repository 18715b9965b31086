// The one place where a unit's item scores become the engine's leaf arrays: what each leaf of the set
// contributes — its own scores, nothing (not applicable, reduce_max), or the scores of a council-added
// replacement indicator in its slot (000 Điều 8.4.b: "Số điểm của các chỉ số không đánh giá, chấm điểm
// sẽ được giảm trừ hoặc được bổ sung chỉ số khác thay thế … do Hội đồng thẩm định quyết định" — the
// council decides, item by item, between the two), rounded to hundredths and clamped to 0…max. The
// arithmetic (arithmetic.ts) then only sums. The score sheets hold the same arrays (whole hundredths in
// leaf order, N/A in bit 1 of a flag byte) and are read straight into it.
import { toHundredths } from '../framework/rounding.ts';
import type { CompiledDefinition } from './compiled.ts';
import type { ItemScoreInput, ItemScores, ResultIssue, ResultRules } from './types.ts';

/** No score, in LeafHundredths. */
export const NO_SCORE_H = -2147483648;

/**
 * One unit's scores in leaf order (CompiledDefinition.leafIndices), in whole hundredths of a point.
 * NO_SCORE_H = no score (an applicable leaf without a final is unappraised, counted as 0); bit 1 of
 * notApplicable set = N/A (reduce_max). A score outside 0…max is clamped by the arithmetic and reported.
 */
export interface LeafHundredths {
  finalH: Int32Array;
  selfH: Int32Array;
  notApplicable: Uint8Array;
  /** Code that scores in a leaf's slot when it is not the leaf's own (a replacement), by leaf position. */
  scoredBy?: readonly (string | undefined)[];
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

/**
 * A unit's item scores (per-item rows: any raw value, replacement indicators, codes outside the set) as
 * leaf arrays: N/A and replacements resolved, scores rounded to hundredths and clamped to 0…max (issues
 * reported), so the arithmetic reads them exactly as it reads a score sheet.
 */
export function leafScoresOf(
  c: CompiledDefinition,
  scores: ItemScores,
  rules: ResultRules,
  issues: ResultIssue[],
): LeafHundredths {
  const L = c.leafIndices.length;
  const finalH = new Int32Array(L);
  const selfH = new Int32Array(L);
  const notApplicable = new Uint8Array(L);
  const scoredBy: (string | undefined)[] = [];
  const usedReplacements = new Set<string>();
  for (let k = 0; k < L; k++) {
    const i = c.leafIndices[k]!;
    const code = c.codes[i]!;
    const maxH = c.maxH[i]!;
    const entry = getItem(scores, code);
    let source: ItemScoreInput | undefined = entry;
    let by = code;
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
          by = repl;
          scoredBy[k] = repl;
          replaced = true;
        }
      }
      if (!replaced) {
        finalH[k] = NO_SCORE_H;
        selfH[k] = NO_SCORE_H;
        notApplicable[k] = 1;
        continue;
      }
    }
    const final = source?.final ?? null;
    const self = source?.self ?? null;
    // Null stays "no score" (unappraised); a non-finite value counts as 0 but is not unappraised.
    finalH[k] = final === null ? NO_SCORE_H : clampH(final, maxH, by, 'FINAL', issues);
    selfH[k] = self === null ? NO_SCORE_H : clampH(self, maxH, by, 'SELF', issues);
  }
  for (const code of itemCodes(scores)) {
    if (c.indexByCode.has(code) || usedReplacements.has(code)) continue;
    issues.push({
      code: 'UNKNOWN_CODE',
      itemCode: code,
      message: `${code} không thuộc bộ chỉ số và không thay thế chỉ số nào: không được tính`,
    });
  }
  return scoredBy.length > 0 ? { finalH, selfH, notApplicable, scoredBy } : { finalH, selfH, notApplicable };
}
