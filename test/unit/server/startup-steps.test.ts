import { describe, expect, it } from 'vitest';
import { consoleSteps, formatSeconds } from '../../../src/server/startup-steps.ts';

describe('start-up steps', () => {
  it('seconds with one decimal and a Vietnamese decimal comma', () => {
    expect(formatSeconds(0)).toBe('0,0 s');
    expect(formatSeconds(1249)).toBe('1,2 s');
    expect(formatSeconds(14_050)).toBe('14,1 s');
  });
  it('announces each step, then its timing and note, numbered in order', async () => {
    const lines: string[] = [];
    let t = 0;
    const steps = consoleSteps(
      (l) => lines.push(l),
      () => t,
    );
    await steps.run('migrate', () => {
      t += 1500;
    });
    const r = await steps.run(
      'seed demo',
      async () => ({ seeded: false }),
      (x) => (x.seeded ? undefined : 'bỏ qua'),
    );
    expect(r).toEqual({ seeded: false });
    expect(lines).toEqual([
      '[1] migrate…',
      '[1] migrate: xong / done 1,5 s',
      '[2] seed demo…',
      '[2] seed demo: xong / done 0,0 s — bỏ qua',
    ]);
  });
});
