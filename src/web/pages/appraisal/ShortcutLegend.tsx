// The visible legend of the workspace's keyboard shortcuts.
import { Space, Typography } from 'antd';
import { useT } from '../../i18n/context.ts';

const Key = ({ k }: { k: string }) => <Typography.Text keyboard>{k}</Typography.Text>;

export function ShortcutLegend() {
  const t = useT();
  return (
    <Space size={12} wrap style={{ fontSize: 12 }} data-testid="apr-shortcuts">
      <Typography.Text type="secondary">{t('apr.keys')}:</Typography.Text>
      <span>
        <Key k="j" /> <Key k="↓" /> {t('apr.keyNext')}
      </span>
      <span>
        <Key k="k" /> <Key k="↑" /> {t('apr.keyPrev')}
      </span>
      <span>
        <Key k="a" /> {t('apr.keyAccept')}
      </span>
      <span>
        <Key k="Enter" /> {t('apr.keySave')}
      </span>
    </Space>
  );
}
