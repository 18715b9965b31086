import { describe, expect, it } from 'vitest';
import { diffFrameworks, proposeMapping, titleSimilarity } from '../../../src/core/framework/index.ts';
import { framework, group, leaf, meetings } from './fixtures.ts';

const v2023 = framework([
  group(
    '1',
    30,
    [
      leaf('1.1', 20, meetings, 'Số cuộc họp của Ban chỉ đạo chuyển đổi số'),
      leaf('1.2', 10, { kind: 'yesno' }, 'Ban hành kế hoạch chuyển đổi số năm'),
    ],
    'Nhận thức số',
  ),
  group('2', 10, [leaf('2.1', 10, { kind: 'yesno' }, 'Tỷ lệ hồ sơ trực tuyến toàn trình')], 'Thể chế số'),
]);

const v2024 = framework([
  group(
    '1',
    35,
    [
      leaf('1.1', 25, meetings, 'Số cuộc họp của Ban Chỉ đạo về chuyển đổi số'),
      leaf('1.2', 10, { kind: 'manual', step: 0.5 }, 'Ban hành kế hoạch chuyển đổi số hằng năm'),
    ],
    'Nhận thức số',
  ),
  group('2', 10, [leaf('2.2', 10, { kind: 'yesno' }, 'Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình')], 'Thể chế số'),
  group('3', 5, [leaf('3.1', 5, { kind: 'yesno' }, 'An toàn thông tin mạng')], 'An toàn thông tin'),
]);

describe('diffFrameworks', () => {
  const d = diffFrameworks(v2023, v2024);
  it('lists added and removed nodes by code', () => {
    expect(d.added.map((n) => n.code)).toEqual(['2.2', '3', '3.1']);
    expect(d.removed.map((n) => n.code)).toEqual(['2.1']);
  });
  it('says which fields changed, with old and new points', () => {
    const byCode = Object.fromEntries(d.changed.map((c) => [c.code, c]));
    expect(byCode['1']).toMatchObject({
      oldMaxPoints: 30,
      newMaxPoints: 35,
      fields: [{ field: 'maxPoints', old: 30, new: 35 }],
    });
    expect(byCode['1.1']?.fields.map((f) => f.field)).toEqual(['title', 'maxPoints']);
    expect(byCode['1.2']?.fields.map((f) => f.field)).toEqual(['title', 'method']);
    expect(byCode['2']).toBeUndefined();
  });
  it('reports the total points change', () => {
    expect(d.totalPoints).toEqual({ old: 40, new: 50, delta: 10 });
  });
  it('methods with the same content in a different key order are not a change', () => {
    const a = framework([leaf('1', 1, { kind: 'ratio', zeroDenominator: 'zero', cap: 1 })]);
    const b = framework([leaf('1', 1, { cap: 1, zeroDenominator: 'zero', kind: 'ratio' } as never)]);
    expect(diffFrameworks(a, b).changed).toEqual([]);
  });
});

describe('proposeMapping', () => {
  const p = proposeMapping(v2023, v2024);
  const to = (code: string) => p.mappings.find((m) => m.fromCode === code)?.to;

  it('maps same code with a similar title, confidently', () => {
    expect(to('1.1')).toMatchObject({ code: '1.1', sameCode: true });
    expect(to('1.1')?.confidence).toBeGreaterThan(0.8);
  });
  it('maps a renumbered node by its title, diacritics and case folded', () => {
    expect(to('2.1')).toMatchObject({ code: '2.2', sameCode: false });
  });
  it('leaves a node unmapped below the threshold, showing the best candidate', () => {
    const q = proposeMapping(
      framework([leaf('5', 1, undefined, 'Hạ tầng số')]),
      framework([leaf('5', 1, undefined, 'Đào tạo kỹ năng số cho cán bộ')]),
    );
    expect(q.mappings[0]?.to).toBeNull();
    expect(q.mappings[0]?.bestCandidate?.code).toBe('5');
    expect(q.unmappedNew).toEqual(['5']);
  });
  it('maps one-to-one: a new node is never taken twice', () => {
    const targets = p.mappings.map((m) => m.to?.code).filter(Boolean);
    expect(new Set(targets).size).toBe(targets.length);
    expect(p.unmappedNew).toEqual(['3', '3.1']);
  });
  it('title similarity ignores diacritics and function words', () => {
    expect(titleSimilarity('Chuyển đổi số', 'CHUYEN DOI SO')).toBe(1);
    expect(titleSimilarity('Kế hoạch của tỉnh', 'Kế hoạch tỉnh')).toBe(1);
  });
});
