// Unsaved drafts are copied to localStorage so a closed tab, a reload or a dead connection never loses them;
// each entry remembers the server version it was based on.
import type { ItemDraft } from './types.ts';

export type Backup = Record<string, { draft: ItemDraft; baseVersion: number }>;

const key = (assessmentId: string) => `thuocdo.autosave.${assessmentId}`;

export function readBackup(assessmentId: string): Backup {
  try {
    const raw = localStorage.getItem(key(assessmentId));
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Backup) : {};
  } catch {
    return {};
  }
}

export function writeBackup(assessmentId: string, backup: Backup): void {
  try {
    if (Object.keys(backup).length === 0) localStorage.removeItem(key(assessmentId));
    else localStorage.setItem(key(assessmentId), JSON.stringify(backup));
  } catch {
    // storage full or unavailable: the in-memory draft and the retry loop still hold the work
  }
}
