// The presets' numbers pinned against the seeds (../shared/seeds/), and the illustrative set's coverage of
// every method kind.
import { describe, expect, it } from 'vitest';
import type { FrameworkDefinition } from '../../../src/core/framework/types.ts';
import { MONTH_DAY, byFile, files, leaves, sum, walk } from './preset-files.ts';

describe('numbers pinned against the seeds', () => {
  const mains = (def: FrameworkDefinition): [string, number][] => def.nodes.map((n) => [n.title, n.maxPoints]);

  it('Hà Tĩnh 2878 cấp sở (Điều 4): 7 main indicators, 62 sub, 100/100/100/100/150/400/50', () => {
    const d = byFile('ha-tinh-2878-2023-so.yaml');
    expect(d.declared).toEqual({ mainIndicators: 7, subIndicators: 62, totalPoints: 1000 });
    expect(mains(d)).toEqual([
      ['Nhận thức số', 100],
      ['Thể chế số', 100],
      ['Hạ tầng số', 100],
      ['Nhân lực số', 100],
      ['An toàn thông tin mạng', 150],
      ['Hoạt động chuyển đổi số', 400],
      ['Hoạt động xã hội số', 50],
    ]);
    expect(d.appliesTo.unitTypes).toEqual(['department']);
    expect(d.rules?.appraiser).toBe('council');
  });

  it('Hà Tĩnh 2878 cấp huyện (Điều 5): 8 main, 85 sub, 100/100/140/100/100/230/100/130', () => {
    const d = byFile('ha-tinh-2878-2023-huyen.yaml');
    expect(d.declared).toEqual({ mainIndicators: 8, subIndicators: 85, totalPoints: 1000 });
    expect(mains(d).map(([, p]) => p)).toEqual([100, 100, 140, 100, 100, 230, 100, 130]);
    expect(d.nodes[5]!.title).toBe('Hoạt động chính quyền số');
    expect(d.rules?.appraiser).toBe('council');
  });

  it('Hà Tĩnh 2878 cấp xã (Điều 6): 8 main, 69 sub, 100/100/120/100/100/250/110/120; district appraises', () => {
    const d = byFile('ha-tinh-2878-2023-xa.yaml');
    expect(d.declared).toEqual({ mainIndicators: 8, subIndicators: 69, totalPoints: 1000 });
    expect(mains(d).map(([, p]) => p)).toEqual([100, 100, 120, 100, 100, 250, 110, 120]);
    expect(d.rules?.appraiser).toBe('parent_unit');
  });

  it('Hà Tĩnh 2878 rules (Điều 7–9)', () => {
    for (const f of ['so', 'huyen', 'xa']) {
      const r = byFile(`ha-tinh-2878-2023-${f}.yaml`).rules!;
      expect(r.bands.map((b) => [b.label, b.minPercent])).toEqual([
        ['Tốt', 90],
        ['Khá', 70],
        ['Trung bình', 50],
        ['Yếu', 0],
      ]);
      expect(r.reportingPeriod).toEqual({ from: '11-01', to: '11-01' });
      expect(r.selfAssessmentDeadline).toBe('11-25');
      expect(r.nonSubmission).toBe('lowest_band');
      expect(r.lateSubmission?.beyondTolerance).toBe('lowest_band');
      expect(r.progressReportMonths).toEqual([3, 6, 9]);
      expect(r.citations!.join(' ')).toMatch(/Điều 9\.2\.e/);
      expect(r.citations!.join(' ')).toMatch(/Điều 8\.4\.b/);
      expect(r.citations!.join(' ')).toMatch(/Điều 7\.2/);
    }
  });

  it('Tuần Giáo 2023: 500 points; groups 1–5 of 50; activity groups 250; appendix items as given', () => {
    const d = byFile('tuan-giao-2023-xa.yaml');
    expect(sum(d.nodes.map((n) => n.maxPoints))).toBe(500);
    expect(d.nodes.slice(0, 5).map((n) => n.maxPoints)).toEqual([50, 50, 50, 50, 50]);
    expect(d.nodes[5]!.maxPoints).toBe(250);
    const pts = Object.fromEntries(leaves(d).map((l) => [l.code, l.maxPoints]));
    expect(pts).toMatchObject({
      '1.1': 10,
      '1.2': 10,
      '1.3': 10,
      '1.4': 10,
      '1.5': 10,
      '2.1': 25,
      '2.2': 25,
      '3.1': 5,
      '3.2': 5,
      '3.3': 5,
    });
  });

  it('Khánh Hòa 1278: three groups, six areas, 85/70/50, −100 within 5 days late, Yếu beyond', () => {
    const groups = ['nhom-1-so', 'nhom-2-huyen', 'nhom-3-dvsn'].map((g) => byFile(`khanh-hoa-1278-2020-${g}.yaml`));
    expect(groups.map((d) => d.appliesTo.unitTypes)).toEqual([['department'], ['district'], ['public_service_unit']]);
    for (const d of groups) {
      expect(d.nodes).toHaveLength(6);
      expect(d.rules!.bands.map((b) => b.minPercent)).toEqual([85, 70, 50, 0]);
      expect(d.rules!.lateSubmission).toEqual({ toleranceDays: 5, penaltyPoints: 100, beyondTolerance: 'lowest_band' });
      expect(d.rules!.nonSubmission).toBe('lowest_band');
    }
  });

  it('Hà Tĩnh 2021: six groups; communes 10/11→10/11, others 15/11→15/11; periodic 3/6/9', () => {
    const th = byFile('ha-tinh-2853-2021-tinh-huyen.yaml');
    const xa = byFile('ha-tinh-2853-2021-xa.yaml');
    expect(th.nodes).toHaveLength(6);
    expect(xa.nodes).toHaveLength(6);
    expect(th.rules!.reportingPeriod).toEqual({ from: '11-15', to: '11-15' });
    expect(xa.rules!.reportingPeriod).toEqual({ from: '11-10', to: '11-10' });
    expect(xa.rules!.appraiser).toBe('parent_unit');
    expect(th.rules!.progressReportMonths).toEqual([3, 6, 9]);
  });

  it('Nha Trang 2023: 7 / 7 / 10 groups', () => {
    expect(byFile('nha-trang-2023-co-quan-chuyen-mon.yaml').nodes).toHaveLength(7);
    expect(byFile('nha-trang-2023-don-vi-su-nghiep.yaml').nodes).toHaveLength(7);
    expect(byFile('nha-trang-2023-xa.yaml').nodes).toHaveLength(10);
  });

  it('sets whose seed gives no points carry no invented points (all 0)', () => {
    for (const f of files.filter((x) => /^(khanh-hoa-1278|ha-tinh-2853|nha-trang-2023)/.test(x))) {
      walk(byFile(f).nodes, (n) => expect(n.maxPoints, `${f} ${n.code}`).toBe(0));
    }
  });
});

describe('illustrative commune set (minh-hoa-xa-1000)', () => {
  const d = byFile('minh-hoa-xa-1000.yaml');
  const ls = leaves(d);

  it('is marked illustrative and totals exactly 1,000 over ~8 main indicators and 40–60 leaves', () => {
    expect(d.illustrative).toBe(true);
    expect(d.name).toMatch(/minh họa/i);
    expect(sum(d.nodes.map((n) => n.maxPoints))).toBe(1000);
    expect(d.nodes.length).toBeGreaterThanOrEqual(7);
    expect(d.nodes.length).toBeLessThanOrEqual(9);
    expect(ls.length).toBeGreaterThanOrEqual(40);
    expect(ls.length).toBeLessThanOrEqual(60);
    expect(d.declared).toEqual({ mainIndicators: d.nodes.length, subIndicators: ls.length, totalPoints: 1000 });
  });

  it('uses every scoring method, both steps inputs, formulas over info fields, manual with step 0.25', () => {
    const kinds = new Set(ls.map((l) => l.method!.kind));
    expect([...kinds].sort()).toEqual(['choice', 'formula', 'manual', 'ratio', 'steps', 'yesno']);
    const steps = ls.map((l) => l.method!).filter((m) => m.kind === 'steps');
    expect(new Set(steps.map((m) => m.input))).toEqual(new Set(['number', 'percent']));
    const formulas = ls.map((l) => l.method!).filter((m) => m.kind === 'formula');
    expect(formulas.some((m) => /info\./.test(m.expression))).toBe(true);
    expect(ls.some((l) => l.method!.kind === 'manual' && l.method!.step === 0.25)).toBe(true);
    const ratios = ls.map((l) => l.method!).filter((m) => m.kind === 'ratio');
    expect(new Set(ratios.map((m) => m.zeroDenominator))).toEqual(new Set(['zero', 'not_applicable']));
    expect(ratios.some((m) => m.minRatio !== undefined)).toBe(true);
  });

  it('has the head-of-steering-committee choice: chairman → max, deputy → ½, none → 0', () => {
    const m = ls.find((l) => l.code === '1.1')!.method!;
    expect(m.kind).toBe('choice');
    if (m.kind === 'choice') expect(m.options.map((o) => o.fraction)).toEqual([1, 0.5, 0]);
  });

  it('every leaf has guidance, evidence, data source, verifying unit and an appraisal domain', () => {
    for (const l of ls) {
      expect(l.guidance, l.code).toBeTruthy();
      expect(l.evidence, l.code).toBeTruthy();
      expect(l.dataSource, l.code).toBeTruthy();
      expect(l.verifyingUnit, l.code).toBeTruthy();
      expect(l.domain, l.code).toBeTruthy();
    }
    expect(ls.filter((l) => l.evidenceRequired).length).toBeGreaterThanOrEqual(5);
  });

  it('declares the informational fields and the demo rules', () => {
    expect(d.infoFields?.map((f) => [f.key, f.label])).toEqual([
      ['population', 'Dân số'],
      ['households', 'Số hộ gia đình'],
      ['staff', 'Số cán bộ, công chức'],
    ]);
    expect(d.rules!.bands.map((b) => [b.code, b.label, b.minPercent])).toEqual([
      ['tot', 'Tốt', 90],
      ['kha', 'Khá', 70],
      ['trung_binh', 'Trung bình', 50],
      ['yeu', 'Yếu', 0],
    ]);
    expect(d.rules!.selfAssessmentDeadline).toMatch(MONTH_DAY);
    expect(d.rules!.lateSubmission).toBeDefined();
  });
});
