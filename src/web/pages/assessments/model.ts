// The form's view of the index set: sections per main indicator with their leaf items in natural order, the
// local score of an item (the same engine as the server), and the entries the submission check reads.
import { flattenNodes, scoreItem, sortNodes } from '../../../core/framework/index.ts';
import type { FrameworkDefinition, FrameworkNode, InfoValues, ItemScore } from '../../../core/framework/index.ts';
import type { ItemEntry } from '../../../core/campaign/index.ts';
import type { ItemDraft, ItemSlot } from './autosave/types.ts';

export interface FormItem {
  node: FrameworkNode;
  code: string;
  /** Main indicator (depth-1 node) the item belongs to. */
  sectionCode: string;
  /** 1-based position in the whole form (STT). */
  index: number;
}

export interface Section {
  node: FrameworkNode;
  items: FormItem[];
}

export function buildSections(definition: FrameworkDefinition): Section[] {
  const sections: Section[] = [];
  let index = 0;
  for (const main of sortNodes(definition.nodes)) {
    const items: FormItem[] = [];
    for (const f of flattenNodes([main])) {
      if (f.isLeaf) items.push({ node: f.node, code: f.code, sectionCode: main.code, index: ++index });
    }
    sections.push({ node: main, items });
  }
  return sections;
}

export function scoreOf(node: FrameworkNode, draft: ItemDraft, info: InfoValues): ItemScore {
  return scoreItem({ maxPoints: node.maxPoints, method: node.method }, draft.inputs, info);
}

/** The self-score sent with a save: the engine's points (null when not computable or not applicable). */
export function selfScoreOf(node: FrameworkNode, draft: ItemDraft, info: InfoValues): number | null {
  const s = scoreOf(node, draft, info);
  return s.notApplicable ? null : s.points;
}

export function entriesOf(
  slots: readonly ItemSlot[],
  nodes: ReadonlyMap<string, FrameworkNode>,
  info: InfoValues,
): Map<string, ItemEntry> {
  const map = new Map<string, ItemEntry>();
  for (const s of slots) {
    const node = nodes.get(s.code);
    if (!node) continue;
    const inputs = Object.fromEntries(
      Object.entries(s.draft.inputs).filter(([, v]) => v !== undefined),
    ) as ItemEntry['inputs'];
    map.set(s.code, {
      code: s.code,
      inputs,
      selfScore: selfScoreOf(node, s.draft, info),
      explanation: s.draft.explanation,
      evidenceCount: s.draft.evidenceIds.length,
    });
  }
  return map;
}

/** Informational values as numbers for the engine. */
export function infoNumbers(info: Record<string, number | null | undefined>): InfoValues {
  return { ...info };
}
