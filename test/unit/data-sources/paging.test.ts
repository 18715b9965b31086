// A source that answers in pages is asked page after page until a short or empty page; a page of units
// already seen means the source ignores the page and gave everything at once; more than MAX_PAGES pages
// fails the run instead of fetching for ever.
import { describe, expect, it } from 'vitest';
import { MAX_PAGES, pageVerdict } from '../../../src/core/data-sources/index.ts';

const seen = (...ids: string[]) => new Set(ids);

describe('paging a source', () => {
  it('a full page asks for the next; a short or empty one is the last', () => {
    expect(pageVerdict({ page: 1, firstPageSize: 2, ids: ['a', 'b'], seenBefore: seen() })).toEqual({ next: 'more' });
    expect(pageVerdict({ page: 2, firstPageSize: 2, ids: ['c', 'd'], seenBefore: seen('a', 'b') })).toEqual({
      next: 'more',
    });
    expect(pageVerdict({ page: 3, firstPageSize: 2, ids: ['e'], seenBefore: seen('a', 'b', 'c', 'd') })).toEqual({
      next: 'done',
    });
    expect(pageVerdict({ page: 1, firstPageSize: 0, ids: [], seenBefore: seen() })).toEqual({ next: 'done' });
  });

  it('a page of units already seen ends the paging, its records not read again', () => {
    expect(pageVerdict({ page: 2, firstPageSize: 2, ids: ['a', 'b'], seenBefore: seen('a', 'b') })).toEqual({
      next: 'done',
      repeated: true,
    });
  });

  it(`more than ${MAX_PAGES} full pages fail the run`, () => {
    expect(pageVerdict({ page: MAX_PAGES, firstPageSize: 1, ids: ['z'], seenBefore: seen() })).toEqual({
      next: 'fail',
      problem: { code: 'PAGING_TOO_MANY', params: { max: MAX_PAGES } },
    });
  });
});
