// A band (xếp loại) as a coloured label: Tốt green, Khá blue, Trung bình orange, Yếu red — colour is never
// the only signal, the label is always written.
import type { BandRef } from '../../../contract/public.ts';
import { bandTone } from '../format.ts';

export function BandBadge({ band }: { band: BandRef | null | undefined }) {
  if (!band) return <span className="muted">Chưa xếp loại</span>;
  return (
    <span className={`band band-${bandTone(band.label)}`} data-testid="band-badge" data-band={band.code}>
      {band.label}
    </span>
  );
}
