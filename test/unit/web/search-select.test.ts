// Searching a select ignores accents and case, as every search in the app does (issue 14 §6: the unit-group
// picker of "Tạo kỳ đánh giá" did not find "cam xuyen").
import { describe, expect, it } from 'vitest';
import { optionMatches } from '../../../src/web/lib/searchSelect.ts';

describe('select search', () => {
  it('finds Vietnamese labels typed without accents, in any case and word order', () => {
    expect(optionMatches('cam xuyen', { label: 'UBND huyện Cẩm Xuyên' })).toBe(true);
    expect(optionMatches('XUYEN cam', { label: 'UBND huyện Cẩm Xuyên' })).toBe(true);
    expect(optionMatches('duc tho', { label: 'Huyện Đức Thọ' })).toBe(true);
    expect(optionMatches('ky anh', { label: 'UBND huyện Cẩm Xuyên' })).toBe(false);
  });
  it('uses searchText when the label is not plain text, and never matches "[object Object]"', () => {
    expect(optionMatches('so khoa hoc', { label: { type: 'span' }, searchText: 'Sở Khoa học và Công nghệ' })).toBe(
      true,
    );
    expect(optionMatches('object', { label: { type: 'span' } })).toBe(false);
    expect(optionMatches('2025', { label: 2025 })).toBe(true);
  });
});
