// React bindings of the autosave store: one store per loaded assessment, per-item and whole-form subscriptions,
// and a warning before leaving the page while something is unsaved.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AssessmentItem } from '../../../../contract/assessments.ts';
import { AutosaveStore } from './store.ts';
import type { ItemSlot, SaveFn } from './types.ts';

export function useAutosaveStore(assessmentId: string, items: AssessmentItem[], save: SaveFn): AutosaveStore {
  const [store] = useState(() => new AutosaveStore(assessmentId, items, save));
  useEffect(() => {
    store.start();
    const warn = (e: BeforeUnloadEvent) => {
      if (store.hasUnsaved()) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      store.stop();
    };
  }, [store]);
  return store;
}

export function useSlot(store: AutosaveStore, code: string): ItemSlot | undefined {
  return useSyncExternalStore(store.subscribe, () => store.get(code));
}

/** Re-renders on any change; returns every slot. */
export function useAllSlots(store: AutosaveStore): ItemSlot[] {
  useSyncExternalStore(store.subscribe, store.getRevision);
  return store.all();
}
