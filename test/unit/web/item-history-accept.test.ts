// An item's history names which score an accept took, as far as its entry tells — never "the self score"
// for a proposal the support team made.
import { describe, expect, it } from 'vitest';
import { acceptKey } from '../../../src/web/pages/appraisal/ItemHistory.tsx';

describe("an accept in the item's history", () => {
  it('an entry written per item: the self score, or the proposal, by which the final equals', () => {
    expect(acceptKey({ selfScore: 8, proposedScore: 6, finalScore: 8 })).toBe('apr.hist.bulk');
    expect(acceptKey({ selfScore: 8, proposedScore: 6, finalScore: 6 })).toBe('apr.hist.acceptProposal');
  });

  it("a bulk accept's part: the proposal when it carried its reason or comment; else only that the score was accepted", () => {
    expect(acceptKey({ finalScore: 6, finalReason: 'insufficient_evidence', finalComment: null })).toBe(
      'apr.hist.acceptProposal',
    );
    expect(acceptKey({ finalScore: 6, finalComment: 'Thiếu biên bản' })).toBe('apr.hist.acceptProposal');
    expect(acceptKey({ finalScore: 7.5 })).toBe('apr.hist.accept');
    expect(acceptKey(null)).toBe('apr.hist.accept');
  });
});
