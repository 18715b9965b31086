// "còn 5 ngày" / "hạn chót hôm nay" / "quá hạn 2 ngày" in the UI language, with a tag colour.
import { useT } from '../../i18n/context.ts';

export function useDaysLabel(): (days: number | null | undefined) => { text: string; color: string } | null {
  const t = useT();
  return (days) => {
    if (days === null || days === undefined) return null;
    if (days > 0) return { text: t('as.daysLeft', { n: days }), color: days <= 3 ? 'orange' : 'blue' };
    if (days === 0) return { text: t('as.dueToday'), color: 'orange' };
    return { text: t('as.overdue', { n: -days }), color: 'red' };
  };
}
