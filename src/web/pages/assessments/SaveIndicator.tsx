// Whole-form save indicator: Đang lưu… / Đã lưu lúc hh:mm / Lỗi — thử lại (retries every failed item now),
// and the number of items edited concurrently by someone else (opens the conflict dialog).
import { Button, Space, Tag, Tooltip } from 'antd';
import { CheckCircleOutlined, CloudSyncOutlined, ExclamationCircleOutlined, WarningOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { ItemSlot } from './autosave/types.ts';
import { useT } from '../../i18n/context.ts';

export function SaveIndicator({
  slots,
  onRetry,
  onConflicts,
}: {
  slots: ItemSlot[];
  onRetry: () => void;
  onConflicts: () => void;
}) {
  const t = useT();
  const busy = slots.some((s) => s.state === 'saving' || s.state === 'pending');
  const errors = slots.filter((s) => s.state === 'error');
  const conflicts = slots.filter((s) => s.state === 'conflict');
  const last = Math.max(0, ...slots.map((s) => s.savedAt ?? 0));
  let main;
  if (errors.length > 0) {
    main = (
      <Tooltip title={t('as.save.errorDetail', { n: errors.length, message: errors[0]?.error ?? '' })}>
        <Button
          danger
          size="small"
          icon={<ExclamationCircleOutlined />}
          onClick={onRetry}
          data-testid="save-indicator"
          data-state="error"
        >
          {t('as.save.error')}
        </Button>
      </Tooltip>
    );
  } else if (busy) {
    main = (
      <Tag icon={<CloudSyncOutlined spin />} color="processing" data-testid="save-indicator" data-state="saving">
        {t('as.save.saving')}
      </Tag>
    );
  } else {
    main = (
      <Tag icon={<CheckCircleOutlined />} color="success" data-testid="save-indicator" data-state="saved">
        {last > 0 ? t('as.save.savedAt', { time: dayjs(last).format('HH:mm') }) : t('as.save.allSaved')}
      </Tag>
    );
  }
  return (
    <Space size={6} wrap>
      {main}
      {conflicts.length > 0 && (
        <Button
          size="small"
          icon={<WarningOutlined />}
          onClick={onConflicts}
          style={{ borderColor: '#fa8c16', color: '#d46b08' }}
          data-testid="save-conflicts"
        >
          {t('as.save.conflicts', { n: conflicts.length })}
        </Button>
      )}
    </Space>
  );
}
