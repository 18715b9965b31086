// The public methodology is read by citizens: no editor notation (`ratio cap=1 zero=na`), no method codes
// (manual, yesno…), no raw objects ("[object Object]"), no internal file numbers ("000 Điều 9.2") — issue 14 §3.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { describeDecisionVi, describeMethodVi } from '../../../src/core/framework/describe-vi.ts';
import { loadPresetFiles } from '../../../src/exchange/frameworks/presets.ts';
import { MethodTree } from '../../../src/web/portal/pages/MethodTree.tsx';
import { RulesList } from '../../../src/web/portal/pages/RulesList.tsx';
import type { MethodNode } from '../../../src/contract/public.ts';
import type { RulesShown as PublicRules } from '../../../src/web/portal/pages/RulesList.tsx';

const CODE_LIKE =
  /\[object Object\]|\b(manual|yesno|choice|ratio|steps|formula|reduce_max|not_applicable|zero=|cap=|lowest_band)\b|\b00[0-4] (Điều|Quy định)/;

describe('scoring methods in plain Vietnamese', () => {
  it('reads like the decision: points, thresholds, what a zero denominator means', () => {
    expect(describeMethodVi({ kind: 'yesno' }, 10)).toBe('Có: 10 điểm; không: 0 điểm.');
    expect(describeMethodVi({ kind: 'manual', step: 0.25 }, 5)).toBe(
      'Chấm trực tiếp từ 0 đến 5 điểm (mỗi mức 0,25 điểm).',
    );
    expect(
      describeMethodVi(
        {
          kind: 'ratio',
          numeratorLabel: 'Số hồ sơ trực tuyến',
          denominatorLabel: 'Tổng số hồ sơ',
          zeroDenominator: 'not_applicable',
          minRatio: 0.3,
        },
        20,
      ),
    ).toBe(
      'Điểm = 20 × (Số hồ sơ trực tuyến / Tổng số hồ sơ), tối đa 20 điểm; tỷ lệ dưới 30% được 0 điểm; khi Tổng số hồ sơ bằng 0, chỉ số không áp dụng.',
    );
    expect(
      describeMethodVi(
        {
          kind: 'steps',
          input: 'percent',
          thresholds: [
            { atLeast: 50, fraction: 0.5 },
            { atLeast: 90, points: 10 },
          ],
        },
        10,
      ),
    ).toBe('Tỷ lệ từ 90% trở lên: 10 điểm; từ 50% trở lên: 5 điểm; thấp hơn: 0 điểm.');
  });
  it('names the decision by number, date and issuer', () => {
    expect(describeDecisionVi({ number: '2878/QĐ-UBND', date: '2023-11-07', issuer: 'UBND tỉnh Hà Tĩnh' })).toBe(
      'Quyết định số 2878/QĐ-UBND ngày 07/11/2023 của UBND tỉnh Hà Tĩnh',
    );
    expect(describeDecisionVi(null)).toBeNull();
  });
});

describe('every preset as the public methodology page shows it', async () => {
  const presets = await loadPresetFiles();
  const toNodes = (
    nodes: readonly {
      code: string;
      title: string;
      maxPoints: number;
      method?: unknown;
      guidance?: string;
      children?: readonly unknown[];
    }[],
  ): MethodNode[] =>
    nodes.map((n) => ({
      code: n.code,
      title: n.title,
      maxPoints: n.maxPoints,
      ...(n.method ? { method: n.method as MethodNode['method'] } : {}),
      ...(n.children ? { children: toNodes(n.children as never) } : {}),
    }));
  for (const p of presets) {
    it(`${p.definition.name}: no code-like token`, () => {
      const tree = renderToStaticMarkup(createElement(MethodTree, { nodes: toNodes(p.definition.nodes as never) }));
      const published: PublicRules = {
        bands: [],
        lateSubmission: { toleranceDays: 0, penaltyPoints: 0, beyondTolerance: 'lowest_band' },
        nonSubmission: 'lowest_band',
        notApplicable: 'reduce_max',
        ...(p.definition.rules?.citations ? { citations: [...p.definition.rules.citations] } : {}),
        ...(p.definition.rules?.notes ? { notes: p.definition.rules.notes } : {}),
      };
      const rules = renderToStaticMarkup(
        createElement(RulesList, { rules: published, basis: [describeDecisionVi(p.definition.decision) ?? ''] }),
      );
      expect(tree + rules).not.toMatch(CODE_LIKE);
    });
  }
});

describe('the rules as a citizen reads them', () => {
  it('the lowest band reads "dưới 50%", and lateness without a tolerance has no "0 ngày: trừ 0 điểm"', () => {
    const html = renderToStaticMarkup(
      createElement(RulesList, {
        rules: {
          bands: [
            { code: 'tot', label: 'Tốt', minPercent: 90 },
            { code: 'tb', label: 'Trung bình', minPercent: 50 },
            { code: 'yeu', label: 'Yếu', minPercent: 0 },
          ] as PublicRules['bands'],
          lateSubmission: { toleranceDays: 0, penaltyPoints: 0, beyondTolerance: 'lowest_band' },
          nonSubmission: 'lowest_band',
          notApplicable: 'reduce_max',
        },
      }),
    );
    expect(html).toContain('dưới 50% tổng điểm tối đa áp dụng');
    expect(html).toContain('Nộp báo cáo muộn (sau thời hạn): xếp loại thấp nhất.');
    expect(html).not.toMatch(/0 ngày|trừ 0 điểm|từ 0%/);
  });
});
