// 000 Điều 8.4.a: self-scoring must come with evidence; an item without evidence needs a written
// explanation of how it was assessed. Submission lists every item that breaks this.
import { describe, expect, it } from 'vitest';
import {
  assessmentProgressOf,
  itemProgressOf,
  progressOfItems,
  submissionProblems,
  type ItemEntry,
} from '../../../src/core/campaign/index.ts';
import type { FrameworkDefinition } from '../../../src/core/framework/types.ts';

const def: FrameworkDefinition = {
  code: 't',
  name: 'T',
  decision: { number: '1', issuer: 'UBND' },
  appliesTo: { unitTypes: ['commune'] },
  nodes: [
    {
      code: '1',
      title: 'Nhận thức số',
      maxPoints: 30,
      children: [
        { code: '1.1', title: 'Ban chỉ đạo', maxPoints: 10, method: { kind: 'yesno' } },
        { code: '1.2', title: 'Kế hoạch CĐS', maxPoints: 10, method: { kind: 'yesno' }, evidenceRequired: true },
        {
          code: '1.3',
          title: 'Tỷ lệ hồ sơ trực tuyến',
          maxPoints: 10,
          method: { kind: 'ratio', zeroDenominator: 'not_applicable' },
        },
      ],
    },
  ],
};

const entry = (code: string, e: Partial<ItemEntry>): [string, ItemEntry] => [
  code,
  { code, inputs: {}, selfScore: null, explanation: '', evidenceCount: 0, ...e },
];

describe('submission checks', () => {
  it('lists every item: unfilled, no evidence nor explanation, mandatory evidence missing', () => {
    const entries = new Map([
      entry('1.1', { inputs: { yes: true }, selfScore: 10 }),
      entry('1.2', { inputs: { yes: true }, selfScore: 10, explanation: 'Có kế hoạch' }),
    ]);
    expect(submissionProblems(def, entries).map((p) => [p.code, p.problem])).toEqual([
      ['1.1', 'NO_EVIDENCE_OR_EXPLANATION'],
      ['1.2', 'EVIDENCE_REQUIRED'],
      ['1.3', 'ITEM_NOT_FILLED'],
    ]);
  });

  it('an explanation is enough when there is no evidence (unless evidence is mandatory)', () => {
    const entries = new Map([
      entry('1.1', { inputs: { yes: false }, selfScore: 0, explanation: 'Chưa thành lập' }),
      entry('1.2', { inputs: { yes: true }, selfScore: 10, evidenceCount: 1 }),
      entry('1.3', { inputs: { a: 0, b: 0 }, selfScore: null, explanation: 'Không phát sinh hồ sơ' }),
    ]);
    expect(submissionProblems(def, entries)).toEqual([]);
  });

  it('a self-score above the max is reported', () => {
    const entries = new Map([entry('1.1', { inputs: { yes: true }, selfScore: 11, evidenceCount: 1 })]);
    expect(submissionProblems(def, entries).find((p) => p.code === '1.1')?.problem).toBe('SCORE_INVALID');
  });

  it('progress counts answered and complete items and sums self-scores exactly', () => {
    const entries = new Map([
      entry('1.1', { inputs: { yes: true }, selfScore: 10 }),
      entry('1.3', { inputs: { a: 1, b: 3 }, selfScore: 3.33, evidenceCount: 1 }),
    ]);
    expect(assessmentProgressOf(def, entries)).toMatchObject({
      total: 3,
      answered: 2,
      complete: 1,
      percent: 33.3,
      selfTotal: 13.33,
      selfApplicableMax: 30,
    });
  });
  it("each item brings its own part: a form's figures are the sum of its items' parts", () => {
    const [n11, n12, n13] = def.nodes[0]!.children!;
    // Never saved: neither answered nor complete, nothing to the self total.
    expect(itemProgressOf(n11!, undefined, def.evidenceRule)).toEqual({
      answered: false,
      complete: false,
      self: undefined,
    });
    // Not applicable by the unit's own answer (0 cases in the period): complete with an explanation.
    const na = entry('1.3', { inputs: { a: 0, b: 0 }, explanation: 'Không phát sinh hồ sơ' })[1];
    expect(itemProgressOf(n13!, na, def.evidenceRule)).toEqual({
      answered: true,
      complete: true,
      self: { self: null, notApplicable: true },
    });
    // Mandatory evidence missing: answered, not complete, its self-score still counted.
    const noDoc = entry('1.2', { inputs: { yes: true }, selfScore: 10, explanation: 'Có kế hoạch' })[1];
    expect(itemProgressOf(n12!, noDoc, def.evidenceRule)).toEqual({
      answered: true,
      complete: false,
      self: { self: 10, notApplicable: false },
    });
    const entries = new Map([entry('1.2', noDoc), entry('1.3', na)].map(([, e]) => [e.code, e]));
    expect(progressOfItems(def, (code, node) => itemProgressOf(node, entries.get(code), def.evidenceRule))).toEqual(
      assessmentProgressOf(def, entries),
    );
  });
});
