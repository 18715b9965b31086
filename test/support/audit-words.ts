// AuditWords as the staff app builds them, from the same dictionaries (the Vietnamese messages, the unit
// types, the roles, the campaign statuses), without React: for the tests of the log's before → after.
// `missing` collects every dictionary key asked for and not found — a field the log cannot name.
import type { AuditWords } from '../../src/web/pages/audit/audit-words.ts';
import { vi } from '../../src/web/i18n/vi.ts';
import { UNIT_TYPE_LABELS, isUnitType } from '../../src/core/org/unit-types.ts';
import { ROLE_CATALOGUE } from '../../src/core/policy/roles.ts';
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '../../src/core/campaign/index.ts';
import { formatDateVi, formatNumberVi } from '../../src/core/text/vietnamese.ts';

export function testAuditWords(over: Partial<AuditWords> = {}, missing?: Set<string>): AuditWords {
  return {
    word: (key, params) => {
      if (!(key in vi)) {
        missing?.add(key);
        return null;
      }
      let text: string = vi[key as keyof typeof vi];
      for (const [k, v] of Object.entries(params ?? {})) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    num: (n) => formatNumberVi(n, 6),
    date: formatDateVi,
    dateTime: (iso) => `${formatDateVi(iso.slice(0, 10))} ${iso.slice(11, 16)}`,
    unitType: (c) => (isUnitType(c) ? UNIT_TYPE_LABELS[c] : null),
    role: (c) => ROLE_CATALOGUE.find((r) => r.role === c)?.label ?? null,
    campaignStatus: (c) => CAMPAIGN_STATUS_LABELS[c as CampaignStatus] ?? null,
    names: {},
    fields: {},
    objectType: 'assessment_item',
    ...over,
  };
}
