// Title similarity for version mapping: NFC, diacritics folded, punctuation dropped, very common
// function words removed, then Jaccard over the remaining syllable set. Vietnamese is written in
// syllables, so syllables (not characters) are the meaningful unit.
import { foldVietnamese } from '../text/vietnamese.ts';

/** Folded function words that carry no meaning for matching ("của", "và", "các", "được"…). */
const STOPWORDS: ReadonlySet<string> = new Set([
  'cua',
  'va',
  'cac',
  'duoc',
  'trong',
  'tren',
  'cho',
  'voi',
  'la',
  'co',
  'the',
  'nhung',
  'mot',
  'so',
  've',
  'tai',
  'theo',
  'hoac',
  'den',
  'tu',
]);

export function titleTokens(title: string): Set<string> {
  const words = foldVietnamese(title)
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
  const meaningful = words.filter((w) => !STOPWORDS.has(w));
  // A title made only of function words still needs tokens to compare.
  return new Set(meaningful.length > 0 ? meaningful : words);
}

/** Jaccard index of two token sets: |A ∩ B| / |A ∪ B|; 1 for two empty titles. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}

export function titleSimilarity(a: string, b: string): number {
  return jaccard(titleTokens(a), titleTokens(b));
}
