// The unit page's line about last year: the change in percentage points and the rank move only where the
// comparability rule allows them (src/core/results/comparability.ts); otherwise "Không so sánh được" with
// the reason — no delta, no arrow.
import { Typography } from 'antd';
import type { UnitDashboard } from '../../../contract/dashboard-pages.ts';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';
import { notComparableText } from './comparison-text.ts';

type LastYear = NonNullable<UnitDashboard['lastYear']>;

export function LastYearLine({ lastYear: ly }: { lastYear: LastYear }) {
  const t = useT();
  const num = useNum();
  const style = { marginTop: 12, marginBottom: 0 };
  if (!ly.comparable || ly.deltaPercent === null)
    return (
      <Typography.Paragraph type="secondary" style={style} data-testid="dash-unit-last-year">
        {t('dash.lastYear', { name: ly.campaign.name })}: {notComparableText(t, ly)}
      </Typography.Paragraph>
    );
  const delta = `${ly.deltaPercent > 0 ? '+' : ''}${num(ly.deltaPercent)}`;
  const rank =
    ly.rank.comparable && ly.deltaRank !== null
      ? t('cmp.rankMove', {
          rank: `${ly.deltaRank > 0 ? '↑' : ly.deltaRank < 0 ? '↓' : ''}${Math.abs(ly.deltaRank)}`,
        })
      : notComparableText(t, ly.rank, 'cmp.rankNotComparable');
  return (
    <Typography.Paragraph style={style} data-testid="dash-unit-last-year">
      {t('cmp.vsLastYear', { name: ly.campaign.name, delta })}; {rank}
    </Typography.Paragraph>
  );
}
