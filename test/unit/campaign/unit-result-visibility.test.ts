// When the unit sees the council's work on its items (issue 14 §1): a campaign rule — after each decision,
// after the council closes the group, or after publication (the default) — and the proposed score only when
// the campaign shows it.
import { describe, expect, it } from 'vitest';
import { type UnitResultRules, unitSeesReview } from '../../../src/core/appraisal/index.ts';

const during = { groupClosed: false, published: false };
const closed = { groupClosed: true, published: false };
const published = { groupClosed: true, published: true };
const decided = { decided: true, proposed: true };
const proposedOnly = { decided: false, proposed: true };
const untouched = { decided: false, proposed: false };
const rules = (visibility: UnitResultRules['visibility'], showProposed = false): UnitResultRules => ({
  visibility,
  showProposed,
});

describe('by default the unit sees only published results', () => {
  it('nothing during the appraisal, nothing after the council closes, everything once published', () => {
    expect(unitSeesReview(undefined, during, decided)).toEqual({ final: false, proposed: false });
    expect(unitSeesReview(undefined, closed, decided)).toEqual({ final: false, proposed: false });
    expect(unitSeesReview(undefined, published, decided)).toEqual({ final: true, proposed: false });
  });
});

describe('after each decision', () => {
  it('a decided item is seen at once; an item only proposed is not, unless the campaign shows proposals', () => {
    expect(unitSeesReview(rules('after_decision'), during, decided)).toEqual({ final: true, proposed: false });
    expect(unitSeesReview(rules('after_decision'), during, proposedOnly)).toEqual({ final: false, proposed: false });
    expect(unitSeesReview(rules('after_decision', true), during, proposedOnly)).toEqual({
      final: false,
      proposed: true,
    });
    expect(unitSeesReview(rules('after_decision', true), during, untouched)).toEqual({ final: false, proposed: false });
  });
});

describe('after the council closes the group', () => {
  it('nothing before closing, every item after, and still after publication', () => {
    expect(unitSeesReview(rules('after_close', true), during, decided)).toEqual({ final: false, proposed: false });
    expect(unitSeesReview(rules('after_close', true), closed, decided)).toEqual({ final: true, proposed: true });
    expect(unitSeesReview(rules('after_close'), published, decided)).toEqual({ final: true, proposed: false });
  });
});
