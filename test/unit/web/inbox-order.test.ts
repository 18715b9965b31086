// The home page's task inbox (issue 14 §1): tasks sorted by deadline, the nearest first and those without
// one last; each task links to the page where it is done.
import { describe, expect, it } from 'vitest';
import type { InboxTask } from '../../../src/contract/inbox.ts';
import { inboxTarget, sortByDeadline } from '../../../src/web/pages/home/InboxList.tsx';

const task = (over: Partial<InboxTask>): InboxTask => ({
  kind: 'fill_items',
  action: null,
  campaign: { id: 'c1', name: 'Kỳ 2026', year: 2026, status: 'open' },
  unit: null,
  group: null,
  assessmentId: 'a1',
  counts: {},
  deadline: null,
  daysRemaining: null,
  ...over,
});

describe('inbox order', () => {
  it('nearest deadline first, tasks without a deadline last, ties keep their order', () => {
    const sorted = sortByDeadline([
      task({ kind: 'result' }),
      task({ kind: 'answer_requests', deadline: '2026-11-20' }),
      task({ kind: 'fill_items', deadline: '2026-11-15' }),
      task({ kind: 'fix_problems', deadline: '2026-11-15' }),
    ]);
    expect(sorted.map((x) => x.kind)).toEqual(['fill_items', 'fix_problems', 'answer_requests', 'result']);
  });
});

describe('inbox links', () => {
  it('each task opens the page where it is done', () => {
    expect(inboxTarget(task({ kind: 'answer_requests' }))).toBe('/assessments/a1');
    expect(inboxTarget(task({ kind: 'appraise_queue', assessmentId: null }))).toBe('/campaigns/c1/appraisal');
    expect(inboxTarget(task({ kind: 'close_appraisal', assessmentId: null }))).toBe('/campaigns/c1/appraisal-admin');
    expect(inboxTarget(task({ kind: 'campaign_step', action: 'publish', assessmentId: null }))).toBe('/campaigns/c1');
  });
});
