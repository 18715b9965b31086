// English strings of a progress round's results; keys mirror vi-progress.ts.
import type { viProgress } from './vi-progress.ts';

export const enProgress: Record<keyof typeof viProgress, string> = {
  'progress.reportTitle': 'Progress report',
  'progress.notRanked':
    'Periodic progress report: it measures implementation only — no band, no rank, no late-submission penalty.',
  'progress.completion': 'Completion',
  'progress.completionValue': '{done}/{total} items',
  'progress.selfTotal': 'Self-assessed points',
  'progress.selfPercent': 'Self-assessed percent',
  'progress.previous': 'Previous round',
  'progress.annual': 'Annual result',
  'progress.delta': 'Change',
  'progress.none': 'None yet',
  'progress.submission': 'Submission',
  'progress.exportXlsx': 'Progress report (.xlsx)',
  'progress.timing.on_time': 'On time',
  'progress.timing.late': '{n} days late',
  'progress.timing.not_submitted': 'Not submitted',
  'progress.compareTip': '{name}: {value} points',
};
