// Shapes of the autosave store: what the person typed for one item (draft), and where its save stands.
import type { AssessmentItem, ItemInputs } from '../../../../contract/assessments.ts';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

export interface ItemDraft {
  inputs: ItemInputs;
  explanation: string;
  evidenceIds: string[];
}

export interface ItemSlot {
  code: string;
  draft: ItemDraft;
  /** Server version the next save names. */
  version: number;
  locked: boolean;
  state: SaveState;
  error: string | null;
  /** When the last save succeeded (ms since epoch). */
  savedAt: number | null;
  /** On 409 VERSION_CONFLICT: the other person's item (details.current). */
  conflict: AssessmentItem | null;
  server: AssessmentItem;
}

export type SaveFn = (code: string, draft: ItemDraft, version: number) => Promise<AssessmentItem>;

export function draftOf(item: AssessmentItem): ItemDraft {
  return { inputs: { ...item.inputs }, explanation: item.explanation ?? '', evidenceIds: [...item.evidenceIds] };
}

export function sameDraft(a: ItemDraft, b: ItemDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
