// "Số liệu do <source> cung cấp lúc …": figures supplied by a data source, with a button to use them.
import { Button, Space, Tag } from 'antd';
import { DatabaseOutlined } from '@ant-design/icons';
import type { AssessmentItem, ItemInputs } from '../../../contract/assessments.ts';
import { showDateTime } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';

interface Props {
  code: string;
  supplied: NonNullable<AssessmentItem['supplied']>;
  inputs: ItemInputs;
  canUse: boolean;
  onUse: (inputs: ItemInputs) => void;
}

export function SuppliedBadge({ code, supplied, inputs, canUse, onUse }: Props) {
  const t = useT();
  const values = Object.fromEntries(
    Object.entries(supplied.inputs).filter(
      ([, v]) => typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string',
    ),
  ) as ItemInputs;
  const same = Object.entries(values).every(([k, v]) => inputs[k] === v);
  return (
    <Space wrap size={6} data-testid={`item-${code}-supplied`}>
      <Tag icon={<DatabaseOutlined />} color="cyan" style={{ whiteSpace: 'normal' }}>
        {t('as.supplied', { source: supplied.source, at: showDateTime(supplied.suppliedAt) })}
      </Tag>
      {canUse && !same && (
        <Button size="small" onClick={() => onUse({ ...inputs, ...values })} data-testid={`item-${code}-use-supplied`}>
          {t('as.useSupplied')}
        </Button>
      )}
    </Space>
  );
}
