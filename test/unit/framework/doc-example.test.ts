// The example in docs/framework-format.md must stay a valid, warning-free set that scores as described.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseFrameworkDocument, scoreFramework, validateFramework } from '../../../src/core/framework/index.ts';

const doc = readFileSync(new URL('../../../docs/framework-format.md', import.meta.url), 'utf8');
const yamlBlock = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

describe('documented example', () => {
  it('passes the schema and validation without errors or warnings, and scores', () => {
    const parsed = parseFrameworkDocument(parse(yamlBlock));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(validateFramework(parsed.definition)).toEqual({ errors: [], warnings: [] });
    const s = scoreFramework(parsed.definition, { '1.1': { value: 4 }, '1.2': { yes: false }, '2.1': { a: 0, b: 0 } });
    expect([s.total, s.applicableMax, s.percent]).toEqual([20, 30, (20 / 30) * 100]);
  });
});
