// History of one item's review (audit entries): who did what, when, with the reason.
import { Empty, Timeline, Typography } from 'antd';
import type { HistoryEntry } from '../../api/appraisalTypes.ts';
import { showDateTime } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';
import { type MessageKey, vi } from '../../i18n/vi.ts';
import { useNum } from '../frameworks/format.ts';

const ACTIONS: Record<string, MessageKey> = {
  'appraisal.item.propose': 'apr.hist.propose',
  'appraisal.item.appraise': 'apr.hist.appraise',
  'appraisal.request.close': 'apr.hist.close',
  'assessment.figure.supply': 'apr.hist.figure',
  'assessment.reopen': 'apr.hist.reopen',
  'appraisal.request.create': 'apr.hist.request',
  'appraisal.request.reply': 'apr.hist.reply',
  'appraisal.supplement.create': 'apr.hist.supplement',
  'appraisal.objection.file': 'obj.hist.file',
  'appraisal.objection.uphold': 'obj.hist.uphold',
  'appraisal.objection.reject': 'obj.hist.reject',
  'assessment.item.save': 'apr.hist.save',
};

const scoreIn = (v: unknown, key: string): number | null => {
  if (!v || typeof v !== 'object') return null;
  const x = (v as Record<string, unknown>)[key];
  return typeof x === 'number' ? x : null;
};

/**
 * Which score an accept took, as far as its entry tells: an entry written per item holds the self score
 * and the proposal beside the final; a bulk accept's holds the final, and the proposal's reason or comment
 * when it carried them. Where it cannot tell (a proposal carried without words), it says "accepted the score".
 */
export function acceptKey(after: unknown): MessageKey {
  const a = after && typeof after === 'object' ? (after as Record<string, unknown>) : {};
  const final = a['finalScore'];
  if (typeof a['selfScore'] === 'number' && a['selfScore'] === final) return 'apr.hist.bulk';
  if (a['finalReason'] != null || a['finalComment'] != null) return 'apr.hist.acceptProposal';
  if (typeof a['proposedScore'] === 'number' && a['proposedScore'] === final) return 'apr.hist.acceptProposal';
  return 'apr.hist.accept';
}

export function ItemHistory({ entries }: { entries: HistoryEntry[] }) {
  const t = useT();
  const num = useNum();
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apr.noHistory')} />;
  return (
    <Timeline
      data-testid="apr-history"
      items={entries.map((h, i) => {
        // An action without its own history wording reads as the log names it, never as its code.
        const logKey = `audit.act.${h.action}`;
        const key =
          h.action === 'appraisal.item.accept'
            ? acceptKey(h.after)
            : (ACTIONS[h.action] ?? (logKey in vi ? (logKey as MessageKey) : 'audit.actOther'));
        const final = scoreIn(h.after, 'finalScore');
        const proposed = scoreIn(h.after, 'proposedScore');
        return {
          key: String(i),
          content: (
            <>
              <Typography.Text strong>{h.actor.name}</Typography.Text> <Typography.Text>{t(key)}</Typography.Text>
              {(h.action.endsWith('appraise') || h.action.endsWith('accept') || h.action.endsWith('uphold')) &&
                final !== null && <Typography.Text> ({num(final)})</Typography.Text>}
              {h.action.endsWith('propose') && proposed !== null && (
                <Typography.Text> ({num(proposed)})</Typography.Text>
              )}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {showDateTime(h.at)}
                </Typography.Text>
              </div>
              {h.reason && (
                <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13, whiteSpace: 'pre-wrap' }}>
                  {h.reason}
                </Typography.Paragraph>
              )}
            </>
          ),
        };
      })}
    />
  );
}
