// Issue 14 §6: the audit log shows actions in words. Every action the code writes (a literal
// `action: 'x.y'` or `X_ACTION = 'x.y'`, or a campaign transition `campaign.<action>`) has a Vietnamese and an English name.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_ACTIONS } from '../../../src/core/campaign/index.ts';
import { enAudit } from '../../../src/web/i18n/en-audit.ts';
import { viAudit } from '../../../src/web/i18n/vi-audit.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const written = new Set<string>();
// A literal action, or a named one (`BULK_ACCEPT_ACTION = '…'` in src/core).
for (const f of [...files('src/core'), ...files('src/app'), ...files('src/server'), ...files('src/infra')]) {
  for (const m of readFileSync(f, 'utf8').matchAll(/(?:action: |_ACTION = )'([a-z_]+(?:\.[a-z_]+)+)'/g))
    written.add(m[1]!);
}
for (const a of Object.keys(CAMPAIGN_ACTIONS)) written.add(`campaign.${a}`);

describe('audit actions in words', () => {
  it('finds the actions the code writes', () => {
    expect(written.size).toBeGreaterThan(50);
  });

  it('every written action has a Vietnamese and an English name', () => {
    const missing = [...written].filter((a) => !(`audit.act.${a}` in viAudit) || !(`audit.act.${a}` in enAudit));
    expect(missing).toEqual([]);
  });
});
