// Proposes how nodes of an old version map onto a new one, for carrying over scores and evidence.
// confidence = 0.35 + 0.65 × title similarity when the code is the same, 0.9 × title similarity when it
// is not (a renumbered node with the same wording is still very probably the same indicator). With the
// default threshold 0.6: the same code needs a title similarity ≥ 0.4, another code needs ≥ 0.67; the
// same code with an unrelated title (0.35) is not matched. Matching is one-to-one, best pairs first;
// anything below the threshold stays unmapped (with its best candidate shown) — never silently matched.
import type { FrameworkDefinition } from './types.ts';
import { flattenNodes } from './tree.ts';
import { jaccard, titleTokens } from './similarity.ts';

export interface MappingCandidate {
  code: string;
  title: string;
  confidence: number;
  sameCode: boolean;
  titleSimilarity: number;
}

export interface NodeMapping {
  fromCode: string;
  fromTitle: string;
  /** Null when no candidate reached the threshold (or the best one was taken by a better pair). */
  to: MappingCandidate | null;
  /** Best candidate overall, shown for unmapped nodes so a person can decide. */
  bestCandidate: MappingCandidate | null;
}

export interface MappingProposal {
  mappings: NodeMapping[];
  /** New-version codes no old node maps to. */
  unmappedNew: string[];
  threshold: number;
}

/** Confidence of the same code with an unrelated title; the title fills the rest up to 1. */
export const SAME_CODE_BASE = 0.35;
/** Ceiling of a match on title alone (different code). */
export const OTHER_CODE_WEIGHT = 0.9;

export function mappingConfidence(sameCode: boolean, titleSimilarity: number): number {
  return sameCode ? SAME_CODE_BASE + (1 - SAME_CODE_BASE) * titleSimilarity : OTHER_CODE_WEIGHT * titleSimilarity;
}
export const DEFAULT_MAPPING_THRESHOLD = 0.6;

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function proposeMapping(
  a: Pick<FrameworkDefinition, 'nodes'>,
  b: Pick<FrameworkDefinition, 'nodes'>,
  options: { threshold?: number } = {},
): MappingProposal {
  const threshold = options.threshold ?? DEFAULT_MAPPING_THRESHOLD;
  const oldNodes = flattenNodes(a.nodes).map((f) => ({
    code: f.code,
    title: f.node.title,
    tokens: titleTokens(f.node.title),
  }));
  const newNodes = flattenNodes(b.nodes).map((f) => ({
    code: f.code,
    title: f.node.title,
    tokens: titleTokens(f.node.title),
  }));

  const pairs: { i: number; candidate: MappingCandidate }[] = [];
  const best: (MappingCandidate | null)[] = oldNodes.map(() => null);
  oldNodes.forEach((o, i) => {
    for (const n of newNodes) {
      const sim = jaccard(o.tokens, n.tokens);
      const sameCode = o.code === n.code;
      const confidence = round3(mappingConfidence(sameCode, sim));
      if (confidence === 0) continue;
      const candidate: MappingCandidate = {
        code: n.code,
        title: n.title,
        confidence,
        sameCode,
        titleSimilarity: round3(sim),
      };
      const current = best[i];
      if (!current || confidence > current.confidence) best[i] = candidate;
      if (confidence >= threshold) pairs.push({ i, candidate });
    }
  });

  // Greedy one-to-one: highest confidence first; ties prefer the same code, then natural input order.
  pairs.sort(
    (x, y) =>
      y.candidate.confidence - x.candidate.confidence || Number(y.candidate.sameCode) - Number(x.candidate.sameCode),
  );
  const assigned: (MappingCandidate | null)[] = oldNodes.map(() => null);
  const taken = new Set<string>();
  for (const { i, candidate } of pairs) {
    if (assigned[i] || taken.has(candidate.code)) continue;
    assigned[i] = candidate;
    taken.add(candidate.code);
  }
  return {
    mappings: oldNodes.map((o, i) => ({
      fromCode: o.code,
      fromTitle: o.title,
      to: assigned[i] ?? null,
      bestCandidate: best[i] ?? null,
    })),
    unmappedNew: newNodes.filter((n) => !taken.has(n.code)).map((n) => n.code),
    threshold,
  };
}
