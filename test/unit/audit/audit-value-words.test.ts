// What the audit log's page names inside an entry: the ids it refers to (collected, bounded), and the
// index set's own words for an item's inputs and options and the assessment's information fields.
import { describe, expect, it } from 'vitest';
import { collectIds } from '../../../src/core/audit/ids-in-value.ts';
import { indexSetWords } from '../../../src/core/audit/index-set-words.ts';
import type { FrameworkDefinition, FrameworkNode } from '../../../src/core/framework/types.ts';

const A = '11111111-2222-4333-8444-555555555555';
const B = 'AAAAAAAA-2222-4333-8444-555555555555';

describe('the ids an entry refers to', () => {
  it('finds UUIDs in fields, lists and records inside lists, lower-cased; nothing else', () => {
    const ids = new Set<string>();
    collectIds([{ toUnitId: A, note: 'không phải mã', n: 3 }, { parts: [{ groupId: B }] }], ids, 100);
    expect([...ids].sort()).toEqual([A, B.toLowerCase()].sort());
  });

  it('keeps at most `limit` ids, and does not walk deeper than a few levels (an index set can be large)', () => {
    const many = new Set<string>();
    const list = Array.from({ length: 50 }, (_, i) => `${String(i).padStart(8, '0')}-2222-4333-8444-555555555555`);
    collectIds({ unitIds: list }, many, 10);
    expect(many.size).toBe(10);
    const deep = new Set<string>();
    collectIds({ a: { b: { c: { d: { e: { f: A } } } } } }, deep, 10);
    expect(deep.size).toBe(0);
  });
});

const definition = {
  infoFields: [
    { key: 'population', label: 'Dân số', unit: 'người' },
    { key: 'staff', label: 'Số cán bộ' },
  ],
} as unknown as FrameworkDefinition;
const item = (method: FrameworkNode['method']): FrameworkNode => ({ code: '1.1', title: 'T', maxPoints: 10, method });

describe("the index set's words for an entry", () => {
  it("a ratio's numerator and denominator, a formula's inputs, a steps item's value, a choice's options", () => {
    expect(
      indexSetWords(definition, {
        info: false,
        item: item({
          kind: 'ratio',
          numeratorLabel: 'Hồ sơ trực tuyến',
          denominatorLabel: 'Tổng hồ sơ',
          zeroDenominator: 'zero',
        }),
      }),
    ).toEqual({ 'input:a': 'Hồ sơ trực tuyến', 'input:b': 'Tổng hồ sơ' });
    expect(
      indexSetWords(definition, {
        info: false,
        item: item({ kind: 'formula', expression: 'x', inputs: [{ name: 'x', label: 'Số máy chủ', type: 'number' }] }),
      }),
    ).toEqual({ 'input:x': 'Số máy chủ' });
    expect(
      indexSetWords(definition, {
        info: false,
        item: item({ kind: 'steps', input: 'number', valueLabel: 'Số tin bài', thresholds: [] }),
      }),
    ).toEqual({ 'input:value': 'Số tin bài' });
    expect(
      indexSetWords(definition, {
        info: false,
        item: item({ kind: 'choice', options: [{ value: 'dung_han', label: 'Đúng hạn', points: 10 }] }),
      }),
    ).toEqual({ 'choice:dung_han': 'Đúng hạn' });
  });

  it('the information fields with their unit, only for an entry that records them', () => {
    expect(indexSetWords(definition, { info: true, item: null })).toEqual({
      'info:population': 'Dân số (người)',
      'info:staff': 'Số cán bộ',
    });
    expect(indexSetWords(definition, { info: false, item: item({ kind: 'yesno' }) })).toEqual({});
  });
});
