// "Không so sánh được: …" on the public pages, from the reason code and parameters the API sends
// (src/core/results/comparability.ts). The sentences are the web app's Vietnamese ones (vi-comparison.ts):
// one wording for staff and citizens.
import type { ComparabilityDto } from '../../contract/comparability.ts';
import { viComparison } from '../i18n/vi-comparison.ts';

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

export function notComparableVi(c: ComparabilityDto): string {
  if (!c.reason) return viComparison['cmp.notComparable'];
  const side = c.params?.side ? viComparison[`cmp.side.${c.params.side}`] : '';
  const reason = fill(viComparison[`cmp.reason.${c.reason}`], {
    side,
    currentUnits: c.params?.currentUnits ?? '',
    previousUnits: c.params?.previousUnits ?? '',
  });
  return `${viComparison['cmp.notComparable']}: ${reason}`;
}
