// Decision 0028: a bulk accept records one audit entry per assessment, each item under its code with what
// the accept changed in its review (old → new) — its score alone where only the score changed; each item's
// history reads its part back.
import { describe, expect, it } from 'vitest';
import { type AcceptedItem, acceptedChange, bulkAcceptItems } from '../../../src/core/appraisal/index.ts';

const review = (over: Partial<NonNullable<AcceptedItem['review']>> = {}): AcceptedItem['review'] => ({
  finalScore: null,
  finalReason: null,
  finalComment: null,
  notApplicable: false,
  replacementCode: null,
  ...over,
});

describe('what a bulk accept records of one item', () => {
  it('an item never reviewed, the self score accepted: the score alone, before and after', () => {
    expect(acceptedChange({ review: null, score: 10, reason: null, comment: null })).toEqual({
      before: null,
      after: 10,
    });
  });

  it('an item with a proposal, the self score accepted: still the score alone', () => {
    expect(acceptedChange({ review: review(), score: 7.5, reason: null, comment: null })).toEqual({
      before: null,
      after: 7.5,
    });
  });

  it('the same score accepted again: recorded (the history shows the accepted score)', () => {
    expect(acceptedChange({ review: review({ finalScore: 10 }), score: 10, reason: null, comment: null })).toEqual({
      before: 10,
      after: 10,
    });
  });

  it("the support team's proposal carried over: its reason and comment recorded as the decision's", () => {
    const item = { review: review(), score: 5, reason: 'insufficient_evidence', comment: 'Thiếu biên bản' };
    expect(acceptedChange(item)).toEqual({
      before: { finalScore: null, finalReason: null, finalComment: null },
      after: { finalScore: 5, finalReason: 'insufficient_evidence', finalComment: 'Thiếu biên bản' },
    });
  });

  it('a decision the accept replaces: its reason, comment, not-applicable and replacement cleared, old → new', () => {
    const item = {
      review: review({
        finalScore: 0,
        finalReason: 'not_met',
        finalComment: 'Không đạt',
        notApplicable: true,
        replacementCode: '2.1',
      }),
      score: 7.5,
      reason: null,
      comment: null,
    };
    expect(acceptedChange(item)).toEqual({
      before: {
        finalScore: 0,
        finalReason: 'not_met',
        finalComment: 'Không đạt',
        notApplicable: true,
        replacementCode: '2.1',
      },
      after: { finalScore: 7.5, finalReason: null, finalComment: null, notApplicable: false, replacementCode: null },
    });
  });
});

describe("an item's part of a bulk-accept entry", () => {
  it('each item as the history shows a decision: the final score, the other fields, the comment as the reason', () => {
    const items = bulkAcceptItems(
      { '1.1': null, '1.10': { finalScore: 2, finalComment: null } },
      { '1.1': 10, '1.10': { finalScore: 3, finalComment: 'Theo đề xuất' } },
    );
    expect(items).toEqual([
      { code: '1.1', before: { finalScore: null }, after: { finalScore: 10 }, reason: null },
      {
        code: '1.10',
        before: { finalScore: 2, finalComment: null },
        after: { finalScore: 3, finalComment: 'Theo đề xuất' },
        reason: 'Theo đề xuất',
      },
    ]);
  });

  it('an entry not shaped as items gives none (never a crash on an odd row)', () => {
    expect(bulkAcceptItems(null, null)).toEqual([]);
    expect(bulkAcceptItems({}, [1, 2])).toEqual([]);
    expect(bulkAcceptItems({}, { '1.1': 'x', '1.2': [1] })).toEqual([]);
  });
});
