// Live score of one item, computed in the browser by the same engine as the server (scoreItem), with the
// engine's explanation (rule and steps) and any input issues.
import { Space, Tag, Typography } from 'antd';
import type { ItemScore } from '../../../core/framework/index.ts';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';

export function ScoreBox({
  code,
  score,
  max,
  touched,
}: {
  code: string;
  score: ItemScore;
  max: number;
  touched: boolean;
}) {
  const t = useT();
  const num = useNum();
  return (
    <div data-testid={`item-${code}-result`} style={{ background: '#fafafa', borderRadius: 6, padding: '8px 12px' }}>
      <Space align="baseline" wrap size={6}>
        <Typography.Text type="secondary">{t('as.score')}:</Typography.Text>
        <Typography.Text strong style={{ fontSize: 20 }} data-testid={`item-${code}-points`}>
          {score.notApplicable ? t('as.na') : score.points === null ? '—' : num(score.points)}
        </Typography.Text>
        <Typography.Text type="secondary">/ {num(max)}</Typography.Text>
        {score.notApplicable && <Tag>{t('as.notApplicable')}</Tag>}
      </Space>
      {touched && (
        <div data-testid={`item-${code}-explain`} style={{ marginTop: 4 }}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {score.explanation.rule}
          </Typography.Text>
          {score.explanation.steps.length > 0 && (
            <ul style={{ margin: '2px 0 0', paddingInlineStart: 18, fontSize: 13 }}>
              {score.explanation.steps.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ul>
          )}
          {score.issues
            .filter((i) => i.code !== 'INPUT_MISSING')
            .map((i, k) => (
              <Typography.Text key={k} type="warning" style={{ display: 'block', fontSize: 13 }}>
                {i.message}
              </Typography.Text>
            ))}
        </div>
      )}
    </div>
  );
}
