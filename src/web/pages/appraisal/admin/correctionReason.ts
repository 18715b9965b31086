// The default reason of a corrected publication after upheld objections (issue 14 §1): names each unit and
// item, so the new snapshot says why it differs from the earlier one.
import type { CampaignObjections } from '../../../../contract/objections.ts';
import type { MessageKey } from '../../../i18n/vi.ts';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export function upheldAwaitingCorrection(data: CampaignObjections | undefined) {
  const due = new Set(data?.correctionDue ?? []);
  return (data?.items ?? []).filter((o) => due.has(o.id));
}

export function correctionReasonOf(t: T, data: CampaignObjections | undefined): string {
  const upheld = upheldAwaitingCorrection(data);
  if (upheld.length === 0) return '';
  const items = upheld.map((o) => t('obj.correctionItem', { unit: o.unit.name, code: o.code })).join('; ');
  return t('obj.correctionReason', { n: upheld.length, items });
}
