// Every preset in frameworks/*.yaml: structure (codes, sums, declared totals), scoring-method parameters and
// rules; the decision numbers pinned against the seeds; the illustrative set's coverage of every method kind.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { FrameworkDefinition, FrameworkNode, ScoringMethod, StepThreshold } from '../../../src/core/framework/types.ts';
import { isUnitType } from '../../../src/core/org/unit-types.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const DIR = join(ROOT, 'frameworks');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const presets = files.map((file) => ({ file, def: parse(readFileSync(join(DIR, file), 'utf8')) as FrameworkDefinition }));
const byFile = (file: string): FrameworkDefinition => {
  const p = presets.find((x) => x.file === file);
  if (!p) throw new Error(`missing ${file}`);
  return p.def;
};

const EPS = 1e-9;
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function walk(nodes: FrameworkNode[], visit: (n: FrameworkNode, parent?: FrameworkNode) => void, parent?: FrameworkNode): void {
  for (const n of nodes) {
    visit(n, parent);
    if (n.children) walk(n.children, visit, n);
  }
}
const leaves = (def: FrameworkDefinition): FrameworkNode[] => {
  const out: FrameworkNode[] = [];
  walk(def.nodes, (n) => {
    if (!n.children?.length) out.push(n);
  });
  return out;
};
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const hasAtMost2Decimals = (x: number): boolean => Math.abs(Math.round(x * 100) - x * 100) < 1e-6;

function shareOk(t: { points?: number; fraction?: number }, max: number): string | null {
  const hasP = t.points !== undefined;
  const hasF = t.fraction !== undefined;
  if (hasP === hasF) return 'exactly one of points / fraction';
  if (hasP && !(t.points! >= 0 && t.points! <= max + EPS)) return `points ${t.points} outside 0…${max}`;
  if (hasP && !hasAtMost2Decimals(t.points!)) return `points ${t.points} has more than 2 decimals`;
  if (hasF && !(t.fraction! >= 0 && t.fraction! <= 1)) return `fraction ${t.fraction} outside 0…1`;
  return null;
}

/** Problems with a leaf's method parameters (empty when sane). */
function methodProblems(m: ScoringMethod, max: number, infoKeys: Set<string>): string[] {
  const p: string[] = [];
  switch (m.kind) {
    case 'manual':
      if (m.step !== undefined) {
        if (!(m.step > 0)) p.push('step must be > 0');
        else if (Math.abs(max / m.step - Math.round(max / m.step)) > 1e-9) p.push('max not on the step grid');
      }
      break;
    case 'yesno':
      break;
    case 'choice': {
      if (m.options.length < 2) p.push('choice needs ≥ 2 options');
      const values = m.options.map((o) => o.value);
      if (new Set(values).size !== values.length) p.push('duplicate option values');
      for (const o of m.options) {
        if (!o.label) p.push(`option ${o.value} has no label`);
        const e = shareOk(o, max);
        if (e) p.push(`option ${o.value}: ${e}`);
      }
      const best = Math.max(...m.options.map((o) => (o.points !== undefined ? o.points : o.fraction! * max)));
      if (Math.abs(best - max) > EPS) p.push('no option reaches max');
      break;
    }
    case 'ratio':
      if (!['zero', 'not_applicable'].includes(m.zeroDenominator)) p.push('zeroDenominator');
      if (m.cap !== undefined && !(m.cap > 0)) p.push('cap must be > 0');
      if (m.minRatio !== undefined && !(m.minRatio >= 0 && m.minRatio <= (m.cap ?? 1))) p.push('minRatio outside 0…cap');
      break;
    case 'steps': {
      if (!['number', 'percent'].includes(m.input)) p.push('input');
      if (m.thresholds.length === 0) p.push('no thresholds');
      const ts: StepThreshold[] = m.thresholds;
      for (let i = 1; i < ts.length; i++) if (!(ts[i]!.atLeast < ts[i - 1]!.atLeast)) p.push('thresholds not strictly descending');
      const share = (t: StepThreshold): number => (t.points !== undefined ? t.points : t.fraction! * max);
      for (let i = 1; i < ts.length; i++) if (share(ts[i]!) > share(ts[i - 1]!) + EPS) p.push('lower threshold gives more');
      for (const t of ts) {
        const e = shareOk(t, max);
        if (e) p.push(`threshold ${t.atLeast}: ${e}`);
        if (t.atLeast < 0) p.push('negative threshold');
      }
      if (ts.length && Math.abs(share(ts[0]!) - max) > EPS) p.push('top threshold does not give max');
      if (m.input === 'percent' && m.zeroDenominator === undefined) p.push('percent steps without zeroDenominator');
      break;
    }
    case 'formula': {
      const names = m.inputs.map((i) => i.name);
      if (new Set(names).size !== names.length) p.push('duplicate input names');
      for (const i of m.inputs) if (!/^[a-z_][a-z0-9_]*$/i.test(i.name) || !i.label) p.push(`bad input ${i.name}`);
      for (const [, key] of m.expression.matchAll(/\binfo\.([A-Za-z_]\w*)/g)) if (!infoKeys.has(key!)) p.push(`unknown info field ${key}`);
      const stripped = m.expression.replace(/\binfo\.[A-Za-z_]\w*/g, '');
      const known = new Set([...names, 'min', 'max', 'round', 'if', 'and', 'or', 'not', 'true', 'false']);
      for (const [id] of stripped.matchAll(/[A-Za-z_]\w*/g)) if (!known.has(id)) p.push(`unknown identifier ${id}`);
      break;
    }
    default:
      p.push(`unknown method kind ${(m as { kind: string }).kind}`);
  }
  return p;
}

describe('frameworks/*.yaml presets', () => {
  it('finds the expected files', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'ha-tinh-2878-2023-so.yaml',
        'ha-tinh-2878-2023-huyen.yaml',
        'ha-tinh-2878-2023-xa.yaml',
        'tuan-giao-2023-xa.yaml',
        'khanh-hoa-1278-2020-nhom-1-so.yaml',
        'khanh-hoa-1278-2020-nhom-2-huyen.yaml',
        'khanh-hoa-1278-2020-nhom-3-dvsn.yaml',
        'ha-tinh-2853-2021-tinh-huyen.yaml',
        'ha-tinh-2853-2021-xa.yaml',
        'nha-trang-2023-co-quan-chuyen-mon.yaml',
        'nha-trang-2023-don-vi-su-nghiep.yaml',
        'nha-trang-2023-xa.yaml',
        'minh-hoa-xa-1000.yaml',
      ]),
    );
  });

  it('set codes are unique across files', () => {
    const codes = presets.map((p) => p.def.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('every file is listed in frameworks/README.md', () => {
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    for (const f of files) expect(readme, f).toContain(f);
  });

  describe.each(presets)('$file', ({ def }) => {
    it('has the top-level fields of FrameworkDefinition', () => {
      expect(typeof def.code).toBe('string');
      expect(def.code).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(def.name.length).toBeGreaterThan(5);
      expect(def.decision.number.length).toBeGreaterThan(0);
      expect(def.decision.issuer.length).toBeGreaterThan(0);
      if (def.decision.date !== undefined) expect(def.decision.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(def.appliesTo.unitTypes.length).toBeGreaterThan(0);
      for (const t of def.appliesTo.unitTypes) expect(isUnitType(t), t).toBe(true);
      expect(def.nodes.length).toBeGreaterThan(0);
      const allowed = ['code', 'name', 'decision', 'appliesTo', 'description', 'declared', 'notes', 'illustrative', 'infoFields', 'evidenceRule', 'rules', 'nodes'];
      for (const k of Object.keys(def)) expect(allowed, `unexpected key ${k}`).toContain(k);
    });

    it('node codes are unique, well-formed and nested under their parent', () => {
      const seen = new Set<string>();
      walk(def.nodes, (n, parent) => {
        expect(n.code).toMatch(/^\d+(\.\d+)*$/);
        expect(seen.has(n.code), `duplicate ${n.code}`).toBe(false);
        seen.add(n.code);
        if (parent) expect(n.code.startsWith(parent.code + '.'), n.code).toBe(true);
        else expect(n.code).not.toContain('.');
        expect(n.title.trim().length, n.code).toBeGreaterThan(0);
      });
    });

    it('children sum exactly to their parent; points have at most 2 decimals', () => {
      walk(def.nodes, (n) => {
        expect(n.maxPoints, n.code).toBeGreaterThanOrEqual(0);
        expect(hasAtMost2Decimals(n.maxPoints), n.code).toBe(true);
        if (n.children?.length) {
          expect(Math.abs(sum(n.children.map((c) => c.maxPoints)) - n.maxPoints), n.code).toBeLessThan(EPS);
          expect(n.method, `group ${n.code} must not have a method`).toBeUndefined();
        }
      });
    });

    it('root sum equals the declared total', () => {
      if (def.declared?.totalPoints !== undefined) expect(sum(def.nodes.map((n) => n.maxPoints))).toBe(def.declared.totalPoints);
    });

    it('every leaf has a sane scoring method', () => {
      const infoKeys = new Set((def.infoFields ?? []).map((f) => f.key));
      for (const leaf of leaves(def)) {
        expect(leaf.method, leaf.code).toBeDefined();
        expect(methodProblems(leaf.method!, leaf.maxPoints, infoKeys), leaf.code).toEqual([]);
      }
    });

    it('rules are well-formed and cite their source', () => {
      const r = def.rules;
      expect(r).toBeDefined();
      if (!r) return;
      for (let i = 1; i < r.bands.length; i++) expect(r.bands[i]!.minPercent).toBeLessThan(r.bands[i - 1]!.minPercent);
      if (r.bands.length) expect(r.bands.at(-1)!.minPercent).toBe(0);
      expect(new Set(r.bands.map((b) => b.code)).size).toBe(r.bands.length);
      if (r.reportingPeriod) {
        expect(r.reportingPeriod.from).toMatch(MONTH_DAY);
        expect(r.reportingPeriod.to).toMatch(MONTH_DAY);
      }
      if (r.selfAssessmentDeadline) expect(r.selfAssessmentDeadline).toMatch(MONTH_DAY);
      if (r.lateSubmission) {
        expect(r.lateSubmission.toleranceDays).toBeGreaterThanOrEqual(0);
        expect(r.lateSubmission.penaltyPoints).toBeGreaterThanOrEqual(0);
        expect(['lowest_band', 'refuse']).toContain(r.lateSubmission.beyondTolerance);
      }
      expect(['lowest_band', 'zero']).toContain(r.nonSubmission);
      if (r.nonSubmission === 'lowest_band') expect(r.bands.length).toBeGreaterThan(0);
      expect(['reduce_max', 'replacement']).toContain(r.notApplicable);
      expect(['council', 'parent_unit']).toContain(r.appraiser);
      for (const m of r.progressReportMonths ?? []) expect(m >= 1 && m <= 12).toBe(true);
      expect(r.citations?.length ?? 0).toBeGreaterThan(0);
    });
  });
});

describe('numbers pinned against the seeds', () => {
  const mains = (def: FrameworkDefinition): [string, number][] => def.nodes.map((n) => [n.title, n.maxPoints]);

  it('Hà Tĩnh 2878 cấp sở (Điều 4): 7 main indicators, 62 sub, 100/100/100/100/150/400/50', () => {
    const d = byFile('ha-tinh-2878-2023-so.yaml');
    expect(d.declared).toEqual({ mainIndicators: 7, subIndicators: 62, totalPoints: 1000 });
    expect(mains(d)).toEqual([
      ['Nhận thức số', 100], ['Thể chế số', 100], ['Hạ tầng số', 100], ['Nhân lực số', 100],
      ['An toàn thông tin mạng', 150], ['Hoạt động chuyển đổi số', 400], ['Hoạt động xã hội số', 50],
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
      expect(r.bands.map((b) => [b.label, b.minPercent])).toEqual([['Tốt', 90], ['Khá', 70], ['Trung bình', 50], ['Yếu', 0]]);
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
    expect(pts).toMatchObject({ '1.1': 10, '1.2': 10, '1.3': 10, '1.4': 10, '1.5': 10, '2.1': 25, '2.2': 25, '3.1': 5, '3.2': 5, '3.3': 5 });
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
      ['tot', 'Tốt', 90], ['kha', 'Khá', 70], ['trung_binh', 'Trung bình', 50], ['yeu', 'Yếu', 0],
    ]);
    expect(d.rules!.selfAssessmentDeadline).toMatch(MONTH_DAY);
    expect(d.rules!.lateSubmission).toBeDefined();
  });
});
