// Every searchable select in the app finds "Cẩm Xuyên" from "cam xuyen": antd's own filter compares the
// label as typed (accents and case matter), so selects use this one instead (the lint forbids
// `optionFilterProp`). An option whose label is not plain text gives its words in `searchText`.
import { matchesSearch } from '../../core/text/vietnamese.ts';

type SearchableOption = { label?: unknown; searchText?: string } | undefined;

export function optionMatches(input: string, option: SearchableOption): boolean {
  const text =
    option?.searchText ??
    (typeof option?.label === 'string' || typeof option?.label === 'number' ? String(option.label) : '');
  return matchesSearch(text, input);
}

/** Spread into a Select's `showSearch`: `showSearch={accentInsensitiveSearch}`. */
export const accentInsensitiveSearch = { filterOption: optionMatches } as const;
