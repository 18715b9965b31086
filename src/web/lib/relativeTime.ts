// "5 phút trước" style relative time for notifications, in the UI language.
import type { MessageKey } from '../i18n/vi.ts';

export function relativeTime(
  iso: string,
  now: Date,
  t: (k: MessageKey, p?: Record<string, string | number>) => string,
): string {
  const minutes = Math.floor((now.getTime() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return t('notif.justNow');
  if (minutes < 60) return t('notif.minutesAgo', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('notif.hoursAgo', { n: hours });
  return t('notif.daysAgo', { n: Math.floor(hours / 24) });
}
