// The audit log's before → after view: one row per field (a bulk accept: per item code), an empty value
// shown as "—", never the word null.
import { describe, expect, it } from 'vitest';
import { diffRows } from '../../../src/web/pages/audit/AuditDiff.tsx';

describe('audit diff rows', () => {
  it("a bulk accept's entry: one row per item, the score before and after", () => {
    expect(diffRows({ '1.1': null, '1.2': 5 }, { '1.1': 7.5, '1.2': 5 })).toEqual([
      { field: '1.1', before: '—', after: '7.5', changed: true },
      { field: '1.2', before: '5', after: '5', changed: false },
    ]);
  });

  it('numbers in the words of the page (a Vietnamese decimal comma)', () => {
    expect(diffRows({ '1.1': null }, { '1.1': 67.25 }, (n) => String(n).replace('.', ','))).toEqual([
      { field: '1.1', before: '—', after: '67,25', changed: true },
    ]);
  });

  it('a field only on one side: the other is blank', () => {
    expect(diffRows(null, { code: '1.1' })).toEqual([{ field: 'code', before: '', after: '1.1', changed: true }]);
  });
});
