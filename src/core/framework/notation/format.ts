// Formatter of the method notation: the inverse of parseMethodNotation for every valid method
// (parse(format(m)) deep-equals m). Defaults are omitted only where parse restores them exactly.
import type { FormulaMethod, ScoringMethod } from '../types.ts';
import { parseFormula } from '../formula/parser.ts';
import { collectNames } from '../formula/ast.ts';
import { INFO_PREFIX } from '../formula/compile.ts';
import { quoteIfNeeded } from './scan.ts';
import { formatNumber, formatShare } from './numbers.ts';

/** True when parse would infer exactly these inputs from the expression (so the "| …" part can be left out). */
function inputsInferable(m: FormulaMethod): boolean {
  const parsed = parseFormula(m.expression);
  if (!parsed.ok) return false;
  const names = collectNames(parsed.ast)
    .map((n) => n.name)
    .filter((n) => n !== 'max' && !n.startsWith(INFO_PREFIX));
  return (
    names.length === m.inputs.length &&
    m.inputs.every((input, i) => input.name === names[i] && input.type === 'number' && input.label === input.name)
  );
}

function formatFormula(m: FormulaMethod): string {
  const head = `formula ${m.expression}`;
  if (inputsInferable(m)) return head;
  const decls = m.inputs.map((i) => {
    const type = i.type === 'boolean' ? ':boolean' : '';
    const label = i.label === i.name ? '' : `=${quoteIfNeeded(i.label)}`;
    return `${i.name}${type}${label}`;
  });
  return `${head} | ${decls.join(' ')}`.trimEnd();
}

export function formatMethodNotation(method: ScoringMethod): string {
  switch (method.kind) {
    case 'manual':
      return method.step === undefined ? 'manual' : `manual ${formatNumber(method.step)}`;
    case 'yesno':
      return 'yesno';
    case 'choice':
      return [
        'choice',
        ...method.options.map((o) => {
          const label = o.label === o.value ? '' : `=${quoteIfNeeded(o.label)}`;
          return `${quoteIfNeeded(o.value)}${label}:${formatShare(o)}`;
        }),
      ].join(' ');
    case 'ratio': {
      const parts = ['ratio'];
      if (method.cap !== undefined) parts.push(`cap=${formatNumber(method.cap)}`);
      if (method.minRatio !== undefined) parts.push(`min=${formatNumber(method.minRatio)}`);
      if (method.zeroDenominator === 'not_applicable') parts.push('zero=na');
      if (method.numeratorLabel !== undefined) parts.push(`a=${quoteIfNeeded(method.numeratorLabel)}`);
      if (method.denominatorLabel !== undefined) parts.push(`b=${quoteIfNeeded(method.denominatorLabel)}`);
      return parts.join(' ');
    }
    case 'steps': {
      const parts = [method.input === 'percent' ? 'steps%' : 'steps'];
      if (method.valueLabel !== undefined) parts.push(`label=${quoteIfNeeded(method.valueLabel)}`);
      if (method.zeroDenominator !== undefined) parts.push(`zero=${method.zeroDenominator === 'zero' ? '0' : 'na'}`);
      for (const t of method.thresholds) parts.push(`${formatNumber(t.atLeast)}:${formatShare(t)}`);
      return parts.join(' ');
    }
    case 'formula':
      return formatFormula(method);
  }
}
