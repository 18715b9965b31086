// The sentence for "not comparable" (src/core/results/comparability.ts): the API sends the reason code and
// its parameters, this writes it in the interface language.
import type { ComparabilityParamsDto, NotComparableReasonCode } from '../../../contract/comparability.ts';
import type { I18nValue } from '../../i18n/context.ts';

type T = I18nValue['t'];

/** "lý do" alone (no prefix), e.g. for a list under a "Không so sánh được" heading. */
export function reasonText(t: T, reason: NotComparableReasonCode, params?: ComparabilityParamsDto): string {
  return t(`cmp.reason.${reason}`, {
    side: params?.side ? t(`cmp.side.${params.side}`) : '',
    currentUnits: params?.currentUnits ?? '',
    previousUnits: params?.previousUnits ?? '',
  });
}

/** "Không so sánh được: lý do". */
export function notComparableText(
  t: T,
  c: { reason?: NotComparableReasonCode; params?: ComparabilityParamsDto },
  prefix: 'cmp.notComparable' | 'cmp.rankNotComparable' = 'cmp.notComparable',
): string {
  return c.reason ? `${t(prefix)}: ${reasonText(t, c.reason, c.params)}` : t(prefix);
}
