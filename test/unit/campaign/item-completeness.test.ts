// One definition of "item complete" (issue 14 §6): complete = no submission problem. An item with a score
// but without the evidence its rule asks for is answered, not complete; the lists count the same.
import { describe, expect, it } from 'vitest';
import {
  type ItemEntry,
  formStageOf,
  isItemAnswered,
  isItemComplete,
  itemProblems,
} from '../../../src/core/campaign/index.ts';
import type { FrameworkNode } from '../../../src/core/framework/types.ts';

const yesno = (extra: Partial<FrameworkNode> = {}): FrameworkNode => ({
  code: '1.1',
  title: 'Ban chỉ đạo',
  maxPoints: 10,
  method: { kind: 'yesno' },
  ...extra,
});
const ratio: FrameworkNode = {
  code: '1.3',
  title: 'Tỷ lệ hồ sơ trực tuyến',
  maxPoints: 10,
  method: { kind: 'ratio', zeroDenominator: 'not_applicable' },
};
const entry = (e: Partial<ItemEntry>): ItemEntry => ({
  code: '1.1',
  inputs: {},
  selfScore: null,
  explanation: '',
  evidenceCount: 0,
  ...e,
});

describe('item complete = no submission problem', () => {
  it('an item never answered is neither answered nor complete', () => {
    expect(isItemAnswered(undefined)).toBe(false);
    expect(itemProblems(yesno(), undefined)).toEqual(['ITEM_NOT_FILLED']);
    expect(isItemComplete(yesno(), entry({}))).toBe(false);
  });

  it('a score with the required evidence missing is answered but not complete', () => {
    const e = entry({ inputs: { yes: true }, selfScore: 10, explanation: 'Có quyết định' });
    expect(isItemAnswered(e)).toBe(true);
    expect(itemProblems(yesno({ evidenceRule: 'required' }), e)).toEqual(['EVIDENCE_REQUIRED']);
    expect(isItemComplete(yesno({ evidenceRule: 'required' }), { ...e, evidenceCount: 1 })).toBe(true);
  });

  it('evidence or a written explanation: either makes the item complete (000 Điều 8.4.a)', () => {
    const scored = entry({ inputs: { yes: true }, selfScore: 10 });
    expect(itemProblems(yesno(), scored)).toEqual(['NO_EVIDENCE_OR_EXPLANATION']);
    expect(isItemComplete(yesno(), { ...scored, explanation: 'Có quyết định số 12' })).toBe(true);
    expect(isItemComplete(yesno(), { ...scored, evidenceCount: 1 })).toBe(true);
    expect(isItemComplete(yesno(), { ...scored, explanation: '   ' })).toBe(false);
  });

  it("the set's rule applies when the item has none; 'none' asks for nothing", () => {
    const scored = entry({ inputs: { yes: true }, selfScore: 10 });
    expect(itemProblems(yesno(), scored, 'required')).toEqual(['EVIDENCE_REQUIRED']);
    expect(isItemComplete(yesno(), scored, 'none')).toBe(true);
  });

  it('a self score over the max is a problem: the item is not complete', () => {
    const e = entry({ inputs: { yes: true }, selfScore: 10.01, evidenceCount: 1 });
    expect(itemProblems(yesno(), e)).toEqual(['SCORE_INVALID']);
  });

  it('an item the unit answers as not applicable needs no score, but still its explanation', () => {
    const na = entry({ code: '1.3', inputs: { a: 0, b: 0 } });
    expect(itemProblems(ratio, na)).toEqual(['NO_EVIDENCE_OR_EXPLANATION']);
    expect(isItemComplete(ratio, { ...na, explanation: 'Không phát sinh hồ sơ' })).toBe(true);
  });
});

describe('where a form stands: one word for the row and the summary', () => {
  it('submitted; in progress once any item is answered (complete or not); otherwise not started', () => {
    expect(formStageOf({ status: 'submitted', answered: 0 })).toBe('submitted');
    expect(formStageOf({ status: 'draft', answered: 1 })).toBe('in_progress');
    expect(formStageOf({ status: 'draft', answered: 0 })).toBe('not_started');
  });
});
