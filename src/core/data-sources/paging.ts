// Paging of a source's answer. A source whose URL or body names {page} is asked page after page (1, 2, …)
// until a page comes back empty or shorter than the first one (the last page) — the national portal's
// reporting API answers in pages ({pageSize, currentPage}), and one request for every unit at once is
// what a polite client does not send. A page whose records are all units already seen means the source
// ignores the page parameter and gave everything at once: paging stops there (asking on would loop for
// ever). More than MAX_PAGES pages fails the run (nothing stored) rather than fetching without end.
import type { PullProblem } from './mapping.ts';

export const MAX_PAGES = 200;

/** `repeated`: the page held only units already seen (its records are not read again). */
export type PageVerdict = { next: 'more' } | { next: 'done'; repeated?: true } | { next: 'fail'; problem: PullProblem };

export interface PageSeen {
  page: number;
  /** Records on the first page: a full page is this long. */
  firstPageSize: number;
  /** Source unit identifiers on this page, and on the pages before it. */
  ids: readonly string[];
  seenBefore: ReadonlySet<string>;
}

export function pageVerdict(p: PageSeen): PageVerdict {
  if (p.ids.length === 0) return { next: 'done' };
  if (p.page > 1 && p.ids.every((id) => p.seenBefore.has(id))) return { next: 'done', repeated: true };
  if (p.ids.length < p.firstPageSize) return { next: 'done' };
  if (p.page >= MAX_PAGES) return { next: 'fail', problem: { code: 'PAGING_TOO_MANY', params: { max: MAX_PAGES } } };
  return { next: 'more' };
}
