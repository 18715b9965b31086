// 409 VERSION_CONFLICT on a decision: the other appraiser's values, and "reload and re-apply" (the form
// keeps what this user typed; the reload brings the new version to save against).
import { Alert, Button, Space, Typography } from 'antd';
import type { ReviewView } from '../../api/appraisalTypes.ts';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';

export function ConflictNotice({ current, onReload }: { current: Partial<ReviewView> | null; onReload: () => void }) {
  const t = useT();
  const num = useNum();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="apr-conflict"
      title={t('apr.conflict')}
      description={
        <Space orientation="vertical" size={4}>
          {current && (
            <Typography.Text data-testid="apr-conflict-theirs">
              {t('apr.conflictTheirs', {
                proposed: num(current.proposedScore ?? null),
                final: num(current.finalScore ?? null),
              })}
              {current.finalComment || current.proposedComment
                ? ` — ${current.finalComment ?? current.proposedComment ?? ''}`
                : ''}
            </Typography.Text>
          )}
          <Button size="small" onClick={onReload} data-testid="apr-conflict-reload">
            {t('apr.conflictReload')}
          </Button>
        </Space>
      }
    />
  );
}
