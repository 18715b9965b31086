// Every preset in frameworks/*.yaml: structure (codes, sums, declared totals), scoring-method parameters and
// rules. The decision numbers pinned against the seeds and the illustrative set: presets-pinned.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScoringMethod, StepThreshold } from '../../../src/core/framework/types.ts';
import { isUnitType } from '../../../src/core/org/unit-types.ts';
import { DIR, MONTH_DAY, files, leaves, presets, sum, walk } from './preset-files.ts';

const EPS = 1e-9;

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
      if (m.minRatio !== undefined && !(m.minRatio >= 0 && m.minRatio <= (m.cap ?? 1)))
        p.push('minRatio outside 0…cap');
      break;
    case 'steps': {
      if (!['number', 'percent'].includes(m.input)) p.push('input');
      if (m.thresholds.length === 0) p.push('no thresholds');
      const ts: StepThreshold[] = m.thresholds;
      for (let i = 1; i < ts.length; i++)
        if (!(ts[i]!.atLeast < ts[i - 1]!.atLeast)) p.push('thresholds not strictly descending');
      const share = (t: StepThreshold): number => (t.points !== undefined ? t.points : t.fraction! * max);
      for (let i = 1; i < ts.length; i++)
        if (share(ts[i]!) > share(ts[i - 1]!) + EPS) p.push('lower threshold gives more');
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
      for (const [, key] of m.expression.matchAll(/\binfo\.([A-Za-z_]\w*)/g))
        if (!infoKeys.has(key!)) p.push(`unknown info field ${key}`);
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
      const allowed = [
        'code',
        'name',
        'decision',
        'appliesTo',
        'description',
        'declared',
        'notes',
        'illustrative',
        'infoFields',
        'evidenceRule',
        'rules',
        'nodes',
      ];
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
      if (def.declared?.totalPoints !== undefined)
        expect(sum(def.nodes.map((n) => n.maxPoints))).toBe(def.declared.totalPoints);
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
