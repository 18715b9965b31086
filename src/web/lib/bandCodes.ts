// Band codes are internal (issue 14 §6: people edit the band's name and threshold, never its code).
import type { CampaignRules } from '../../core/campaign/index.ts';
import { foldVietnamese } from '../../core/text/vietnamese.ts';

/** A band added in the form gets its code from its label ("Xuất sắc" → "xuat-sac"), unique in the list. */
export function withBandCodes(bands: CampaignRules['bands']): CampaignRules['bands'] {
  const taken = new Set(bands.map((b) => b.code).filter(Boolean));
  return bands.map((b) => {
    if (b.code) return b;
    const base =
      foldVietnamese(b.label)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'muc';
    let code = base;
    for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
    taken.add(code);
    return { ...b, code };
  });
}
