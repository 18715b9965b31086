// What a campaign transition will do, said in its confirmation before it runs: which units (per group,
// with their deadlines), what changes for them, and who is notified (transitions notify nobody at once;
// reminders follow the campaign's rules while it is open). Built from the campaign the page already holds.
import type { Campaign } from '../../../contract/campaigns.ts';
import type { MessageKey } from '../../i18n/vi.ts';
import { showDate } from '../../lib/dates.ts';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const EFFECT: Record<string, MessageKey> = {
  open: 'eff.open',
  close_self_assessment: 'eff.close',
  reopen_self_assessment: 'eff.reopen',
  start_appraisal: 'eff.startAppraisal',
  archive: 'eff.archive',
};

export function transitionEffects(c: Campaign, action: string, t: T): string[] {
  const lines: string[] = [];
  const units = c.groups.reduce((n, g) => n + g.unitCount, 0);
  const deadline = (g: Campaign['groups'][number]) =>
    action === 'start_appraisal'
      ? g.deadlines.appraisal
        ? showDate(g.deadlines.appraisal)
        : t('eff.noDeadline')
      : showDate(g.deadlines.selfAssessment);
  const groups = c.groups
    .map((g) => t('eff.group', { name: g.name, n: g.unitCount, deadline: deadline(g) }))
    .join('; ');
  const label =
    action === 'start_appraisal' ? t('eff.unitsAppraisal', { n: units, groups }) : t('eff.units', { n: units, groups });
  if (action !== 'archive') lines.push(label);
  const effect = EFFECT[action];
  if (effect) lines.push(t(effect));
  if (action === 'open' || action === 'reopen_self_assessment') {
    const days = c.rules.reminderDaysBefore ?? [];
    lines.push(
      days.length > 0 ? t('eff.reminders', { days: [...days].sort((a, b) => b - a).join(', ') }) : t('eff.noReminders'),
    );
  } else {
    lines.push(t('eff.nobodyNotified'));
  }
  lines.push(t('eff.audit'));
  return lines;
}
