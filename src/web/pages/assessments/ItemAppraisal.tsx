// The council's work on one item, as the unit sees it once the campaign's rule allows (issue 14 §1): the
// self score, the proposed score (when the campaign shows it), the final score and the change, with the
// reason and the council's comment — so the unit knows why its score moved; then its objections and the
// "Kiến nghị" action while the campaign's window is open (ItemObjection).
import { Alert, Descriptions, Typography } from 'antd';
import type { UnitItemAppraisalView } from '../../../contract/assessments.ts';
import { showDateTime } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';
import { reasonText } from '../../i18n/codes.ts';
import { useNum } from '../frameworks/format.ts';
import { ScoreDelta } from '../appraisal/ScoreDelta.tsx';
import { ItemObjection } from './ItemObjection.tsx';

export function ItemAppraisal({ code, view }: { code: string; view: UnitItemAppraisalView }) {
  const t = useT();
  const num = useNum();
  const decided = view.finalScore !== null || view.notApplicable;
  const delta = view.delta;
  const changed = delta !== null && delta !== 0;
  return (
    <Alert
      type={!decided ? 'info' : changed || view.notApplicable ? 'warning' : 'success'}
      data-testid={`item-${code}-appraisal`}
      title={decided ? t('as.apr.title') : t('as.apr.proposedTitle')}
      description={
        <>
          <Descriptions size="small" column={1} colon>
            <Descriptions.Item label={t('as.apr.self')}>{num(view.selfScore)}</Descriptions.Item>
            {view.proposedScore !== null && (
              <Descriptions.Item label={t('as.apr.proposed')}>
                <span data-testid={`item-${code}-apr-proposed`}>{num(view.proposedScore)}</span>
                {view.proposedReason && ` — ${reasonText(t, view.proposedReason)}`}
                {view.proposedComment && (
                  <Typography.Paragraph style={{ margin: 0 }}>{view.proposedComment}</Typography.Paragraph>
                )}
              </Descriptions.Item>
            )}
            {view.notApplicable ? (
              <Descriptions.Item label={t('as.apr.final')}>
                <span data-testid={`item-${code}-apr-final`}>{t('as.na')}</span>
                {view.notApplicableReason && ` — ${view.notApplicableReason}`}
              </Descriptions.Item>
            ) : (
              view.finalScore !== null && (
                <Descriptions.Item label={t('as.apr.final')}>
                  <b data-testid={`item-${code}-apr-final`}>{num(view.finalScore)}</b>
                  {changed && (
                    <span style={{ marginLeft: 8 }}>
                      ({t('as.apr.change')} <ScoreDelta delta={delta} testId={`item-${code}-apr-delta`} />)
                    </span>
                  )}
                </Descriptions.Item>
              )
            )}
            {view.finalReason && (
              <Descriptions.Item label={t('as.apr.reason')}>
                <span data-testid={`item-${code}-apr-reason`}>{reasonText(t, view.finalReason)}</span>
              </Descriptions.Item>
            )}
            {view.finalComment && (
              <Descriptions.Item label={t('as.apr.comment')}>
                <span data-testid={`item-${code}-apr-comment`} style={{ whiteSpace: 'pre-wrap' }}>
                  {view.finalComment}
                </span>
              </Descriptions.Item>
            )}
            {view.decidedAt && (
              <Descriptions.Item label={t('as.apr.decidedAt')}>{showDateTime(view.decidedAt)}</Descriptions.Item>
            )}
          </Descriptions>
          {decided && <ItemObjection code={code} />}
        </>
      }
    />
  );
}
