// Status tag (Nháp / Đã ban hành / Lưu trữ) and the "illustrative, not a decision" tag.
import { Tag } from 'antd';
import type { FrameworkStatus } from '../../../core/framework/index.ts';
import { useT } from '../../i18n/context.ts';

const COLORS: Record<FrameworkStatus, string> = { draft: 'gold', published: 'green', archived: 'default' };

export function StatusTag({ status }: { status: FrameworkStatus }) {
  const t = useT();
  return (
    <Tag color={COLORS[status]} data-testid={`fw-status-${status}`} style={{ marginInlineEnd: 0 }}>
      {t(`fw.status.${status}`)}
    </Tag>
  );
}

export function IllustrativeTag() {
  const t = useT();
  return (
    <Tag color="purple" data-testid="fw-illustrative" style={{ marginInlineEnd: 0 }}>
      {t('fw.illustrative')}
    </Tag>
  );
}
