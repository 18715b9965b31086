// Issue 13 §3 — 000 Điều 8.4.a: "bắt buộc phải có các tài liệu kiểm chứng … Đối với các chỉ số … không
// có tài liệu kiểm chứng …, cơ quan, đơn vị phải có giải thích cụ thể bằng văn bản" (also 004 II.2.b).
// Per item the rule is: evidence required; evidence or a written explanation; nothing required.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { submissionProblems, type ItemEntry } from '../../../src/core/campaign/index.ts';
import { evidenceRuleOf } from '../../../src/core/framework/index.ts';
import { reviewFlags } from '../../../src/core/appraisal/index.ts';
import type { FrameworkDefinition, FrameworkNode } from '../../../src/core/framework/types.ts';

const leaf = (code: string, extra: Partial<FrameworkNode> = {}): FrameworkNode => ({
  code,
  title: `Chỉ số ${code}`,
  maxPoints: 10,
  method: { kind: 'yesno' },
  ...extra,
});
const set = (nodes: FrameworkNode[], evidenceRule?: FrameworkDefinition['evidenceRule']): FrameworkDefinition => ({
  code: 't',
  name: 'T',
  decision: { number: '2878/QĐ-UBND', issuer: 'UBND tỉnh Hà Tĩnh' },
  appliesTo: { unitTypes: ['commune'] },
  ...(evidenceRule ? { evidenceRule } : {}),
  nodes: [{ code: '1', title: 'Nhóm', maxPoints: 40, children: nodes }],
});
const explainedOnly = (code: string): [string, ItemEntry] => [
  code,
  {
    code,
    inputs: { yes: true },
    selfScore: 10,
    explanation: 'Có quyết định số 12/QĐ-UBND, chưa số hóa',
    evidenceCount: 0,
  },
];
const bare = (code: string): [string, ItemEntry] => [
  code,
  { code, inputs: { yes: true }, selfScore: 10, explanation: '', evidenceCount: 0 },
];

describe('which rule an item follows', () => {
  it("its own rule first, then the set's (the decision's), then the old per-item flag, else evidence or explanation (8.4.a)", () => {
    expect(evidenceRuleOf({ evidenceRule: 'none', evidenceRequired: true }, 'required')).toBe('none');
    expect(evidenceRuleOf({ evidenceRequired: true }, 'evidence_or_explanation')).toBe('evidence_or_explanation');
    expect(evidenceRuleOf({ evidenceRequired: true })).toBe('required');
    expect(evidenceRuleOf({})).toBe('evidence_or_explanation');
  });
});

describe('the submission check follows the rule', () => {
  it("a 2878 item marked evidenceRequired, explained in writing without a file, is accepted under the set's evidence_or_explanation", () => {
    const def = set([leaf('1.1', { evidenceRequired: true })], 'evidence_or_explanation');
    expect(submissionProblems(def, new Map([explainedOnly('1.1')]))).toEqual([]);
    expect(submissionProblems(def, new Map([bare('1.1')])).map((p) => p.problem)).toEqual([
      'NO_EVIDENCE_OR_EXPLANATION',
    ]);
  });

  it('"required" still needs a document, even with an explanation', () => {
    const def = set([leaf('1.1', { evidenceRule: 'required' })], 'evidence_or_explanation');
    expect(submissionProblems(def, new Map([explainedOnly('1.1')])).map((p) => p.problem)).toEqual([
      'EVIDENCE_REQUIRED',
    ]);
  });

  it('"none" asks for nothing', () => {
    const def = set([leaf('1.1', { evidenceRule: 'none' })]);
    expect(submissionProblems(def, new Map([bare('1.1')]))).toEqual([]);
  });
});

describe('the presets whose decision says "evidence or a written explanation"', () => {
  const DIR = resolve(import.meta.dirname, '../../../frameworks');
  const files = readdirSync(DIR).filter((f) => /^(ha-tinh-2878|tuan-giao|nha-trang)/.test(f));
  it.each(files)('%s defaults to evidence_or_explanation', (file) => {
    expect((parse(readFileSync(join(DIR, file), 'utf8')) as FrameworkDefinition).evidenceRule).toBe(
      'evidence_or_explanation',
    );
  });
});

describe('the appraisal flags follow the rule: "explained, no evidence" is a flag, not a refusal', () => {
  const flagsOf = (
    node: FrameworkNode,
    evidenceCount: number,
    explained: boolean,
    setEvidenceRule?: FrameworkDefinition['evidenceRule'],
  ) =>
    reviewFlags({
      node,
      inputs: { yes: true },
      selfScore: 10,
      evidenceCount,
      explained,
      setEvidenceRule,
      duplicateUnits: [],
      lastYearFinal: null,
      changeShare: 0.5,
    }).map((f) => f.kind);

  it('evidence or explanation, explained without a file → explained_no_evidence for the council to look at', () => {
    expect(flagsOf(leaf('1.1', { evidenceRequired: true }), 0, true, 'evidence_or_explanation')).toEqual([
      'explained_no_evidence',
    ]);
  });

  it('with a file, or under "none", nothing is flagged', () => {
    expect(flagsOf(leaf('1.1'), 1, true, 'evidence_or_explanation')).toEqual([]);
    expect(flagsOf(leaf('1.1', { evidenceRule: 'none' }), 0, true)).toEqual([]);
  });

  it('"required" without a file → mandatory_evidence_missing, whatever the explanation', () => {
    expect(flagsOf(leaf('1.1', { evidenceRule: 'required' }), 0, true, 'evidence_or_explanation')).toEqual([
      'mandatory_evidence_missing',
    ]);
  });
});
