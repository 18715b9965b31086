import { describe, expect, it } from 'vitest';
import { frameworkDefinitionSchema, parseFrameworkDocument } from '../../../src/core/framework/index.ts';
import { framework, group, leaf, meetings } from './fixtures.ts';

describe('frameworkDefinitionSchema (untrusted documents)', () => {
  it('accepts a well-formed definition unchanged', () => {
    const def = framework([group('1', 20, [leaf('1.1', 20, meetings)])], {
      infoFields: [{ key: 'population', label: 'Dân số' }],
    });
    expect(frameworkDefinitionSchema.parse(def)).toEqual(def);
    expect(parseFrameworkDocument(JSON.parse(JSON.stringify(def)))).toEqual({ ok: true, definition: def });
  });
  it('reports each problem with its path and a Vietnamese message', () => {
    const doc = {
      ...framework([]),
      nodes: [
        { code: 1, title: '', maxPoints: -1, maxpoints: 2, children: [{ code: '1.1', title: 'x', maxPoints: 'hai' }] },
      ],
    };
    const r = parseFrameworkDocument(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.problems.map((p) => [p.path, p.message]));
    expect(byPath['nodes[0].code']).toBe('Mã tiêu chí (code) phải là chuỗi ký tự.');
    expect(byPath['nodes[0].title']).toBe('Tên tiêu chí (title) không được để trống.');
    expect(byPath['nodes[0].maxPoints']).toBe('Điểm tối đa không được âm.');
    expect(byPath['nodes[0]']).toContain('maxpoints');
    expect(byPath['nodes[0].children[0].maxPoints']).toBe('Phải là một số.');
  });
  it('refuses an unknown method kind and an option with both points and fraction', () => {
    const bad = framework([
      leaf('1', 1, { kind: 'magic' } as never),
      leaf('2', 1, { kind: 'choice', options: [{ value: 'a', label: 'A', points: 1, fraction: 1 }] }),
    ]);
    const r = parseFrameworkDocument(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.path)).toEqual(['nodes[0].method.kind', 'nodes[1].method.options[0]']);
      expect(r.problems[1]?.message).toContain('đúng một trong hai');
    }
  });
});
