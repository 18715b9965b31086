// Appraiser aids as coloured tags with their Vietnamese explanations (shown, never decisive).
import { Space, Tag, Tooltip } from 'antd';
import type { ReviewFlag } from '../../../core/appraisal/index.ts';
import { showDate, showDateTime } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';

const COLORS: Record<ReviewFlag['kind'], string> = {
  self_score_inconsistent: 'red',
  mandatory_evidence_missing: 'volcano',
  explained_no_evidence: 'orange',
  duplicate_evidence: 'magenta',
  large_change_since_last_year: 'gold',
  open_request: 'blue',
  supplemented_since_last_look: 'cyan',
  differs_from_system: 'purple',
};

export function FlagTags({ flags, compact = false }: { flags: readonly ReviewFlag[]; compact?: boolean }) {
  const t = useT();
  const num = useNum();
  const figure = (v: string | number | boolean | null): string =>
    v === null
      ? t('flag.figureBlank')
      : typeof v === 'boolean'
        ? t(v ? 'common.yes' : 'common.no')
        : typeof v === 'number'
          ? num(v)
          : v;
  const text = (f: ReviewFlag): string => {
    switch (f.kind) {
      case 'self_score_inconsistent':
        return t('flag.self_score_inconsistent', { computed: num(f.computed) });
      case 'mandatory_evidence_missing':
        return t('flag.mandatory_evidence_missing');
      case 'explained_no_evidence':
        return t('flag.explained_no_evidence');
      case 'duplicate_evidence':
        return t('flag.duplicate_evidence', { units: f.otherUnits.map((u) => u.unitName).join(', ') });
      case 'large_change_since_last_year':
        return t('flag.large_change_since_last_year', { last: num(f.lastYearFinal), self: num(f.self) });
      case 'open_request':
        return f.deadline ? t('flag.open_request_until', { deadline: showDate(f.deadline) }) : t('flag.open_request');
      case 'supplemented_since_last_look':
        return t('flag.supplemented_since_last_look', { n: f.count, at: showDateTime(f.lastAt) });
      case 'differs_from_system':
        return t('flag.differs_from_system', {
          source: f.source,
          at: showDateTime(f.suppliedAt),
          figures: f.figures
            .map((x) => t('flag.differs_figure', { label: x.label, unit: figure(x.unit), system: figure(x.system) }))
            .join('; '),
        });
    }
  };
  return (
    <Space size={[4, 4]} wrap data-testid="flag-tags">
      {flags.map((f, i) => (
        <Tooltip key={`${f.kind}-${i}`} title={compact ? text(f) : undefined}>
          <Tag
            color={COLORS[f.kind]}
            data-testid={`flag-${f.kind}`}
            style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
          >
            {compact ? t(`flagShort.${f.kind}`) : text(f)}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
