// A run's reason in words: the dictionary's sentence for its code, filled with its parameters.
import type { MessageKey } from '../../i18n/vi.ts';
import { viSources } from '../../i18n/vi-sources.ts';

const KNOWN = new Set(Object.keys(viSources));

export function reasonKey(code: string): MessageKey {
  const key = `ds.reason.${code}`;
  return (KNOWN.has(key) ? key : 'ds.reason.other') as MessageKey;
}
