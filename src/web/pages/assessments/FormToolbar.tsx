// Search over codes and titles (accent-insensitive) and the "chưa hoàn thành" filter.
import { Input, Space, Switch, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/context.ts';

interface Props {
  q: string;
  onQ: (q: string) => void;
  onlyIncomplete: boolean;
  onOnlyIncomplete: (v: boolean) => void;
  shown: number;
  incomplete: number;
  phone: boolean;
}

export function FormToolbar({ q, onQ, onlyIncomplete, onOnlyIncomplete, shown, incomplete, phone }: Props) {
  const t = useT();
  return (
    <Space wrap style={{ width: '100%' }} size={[12, 8]}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        size={phone ? 'large' : 'middle'}
        placeholder={t('as.search')}
        value={q}
        onChange={(e) => onQ(e.target.value)}
        style={{ width: phone ? 'calc(100vw - 48px)' : 360, maxWidth: '100%' }}
        data-testid="as-search"
      />
      <Space size={6}>
        <Switch checked={onlyIncomplete} onChange={onOnlyIncomplete} data-testid="as-only-incomplete" />
        <Typography.Text>
          {t('as.onlyIncomplete')} ({incomplete})
        </Typography.Text>
      </Space>
      <Typography.Text type="secondary" data-testid="as-shown">
        {t('as.itemsShown', { n: shown })}
      </Typography.Text>
    </Space>
  );
}
