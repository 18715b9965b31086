// Save state of one item: pending, saving, saved, error (with the reason), conflict.
import { Tag, Tooltip } from 'antd';
import { CheckOutlined, ExclamationCircleOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import type { ItemSlot } from './autosave/types.ts';
import { useT } from '../../i18n/context.ts';

export function ItemSaveTag({ slot }: { slot: ItemSlot }) {
  const t = useT();
  const tid = `item-${slot.code}-save`;
  switch (slot.state) {
    case 'saving':
      return (
        <Tag icon={<LoadingOutlined />} data-testid={tid} data-state="saving">
          {t('as.save.saving')}
        </Tag>
      );
    case 'pending':
      return (
        <Tag data-testid={tid} data-state="pending">
          {t('as.save.pending')}
        </Tag>
      );
    case 'error':
      return (
        <Tooltip title={slot.error}>
          <Tag color="red" icon={<ExclamationCircleOutlined />} data-testid={tid} data-state="error">
            {t('as.save.error')}
          </Tag>
        </Tooltip>
      );
    case 'conflict':
      return (
        <Tag color="orange" icon={<WarningOutlined />} data-testid={tid} data-state="conflict">
          {t('as.conflict.open')}
        </Tag>
      );
    default:
      return slot.savedAt ? <Tag color="green" icon={<CheckOutlined />} data-testid={tid} data-state="saved" /> : null;
  }
}
