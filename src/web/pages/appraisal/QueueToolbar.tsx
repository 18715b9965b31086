// Queue controls: mode (unit by unit / item by item), the unit or item picked, group, status, flag and an
// accent-insensitive search.
import { Input, Radio, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { ReviewFlag } from '../../../core/appraisal/index.ts';
import type { QueueGroup, QueueMode, QueueStatus } from '../../api/appraisalTypes.ts';
import { useT } from '../../i18n/context.ts';
import { accentInsensitiveSearch } from '../../lib/searchSelect.ts';

const STATUSES: QueueStatus[] = ['pending', 'proposed', 'requested', 'final'];
const FLAGS: ReviewFlag['kind'][] = [
  'self_score_inconsistent',
  'mandatory_evidence_missing',
  'explained_no_evidence',
  'duplicate_evidence',
  'large_change_since_last_year',
  'open_request',
  'supplemented_since_last_look',
  'differs_from_system',
];

export interface ToolbarValue {
  mode: QueueMode;
  pick: string | null;
  groupId: string | null;
  status: QueueStatus | null;
  flag: ReviewFlag['kind'] | null;
  q: string;
}

interface Props {
  value: ToolbarValue;
  onChange: (patch: Partial<ToolbarValue>) => void;
  picks: { value: string; label: string }[];
  groups: QueueGroup[];
}

export function QueueToolbar({ value, onChange, picks, groups }: Props) {
  const t = useT();
  return (
    <Space wrap data-testid="apr-toolbar">
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        value={value.mode}
        onChange={(e) => onChange({ mode: e.target.value as QueueMode, pick: null })}
        data-testid="apr-mode"
        options={[
          { value: 'unit', label: t('apr.modeUnit') },
          { value: 'item', label: t('apr.modeItem') },
        ]}
      />
      <Select
        allowClear
        showSearch={accentInsensitiveSearch}
        style={{ width: 300 }}
        value={value.pick ?? undefined}
        onChange={(v: string | undefined) => onChange({ pick: v ?? null })}
        placeholder={value.mode === 'unit' ? t('apr.pickUnit') : t('apr.pickItem')}
        options={picks}
        data-testid="apr-pick"
      />
      {groups.length > 1 && (
        <Select
          allowClear
          style={{ width: 200 }}
          value={value.groupId ?? undefined}
          onChange={(v: string | undefined) => onChange({ groupId: v ?? null, pick: null })}
          placeholder={t('prog.allGroups')}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
          data-testid="apr-group"
        />
      )}
      <Select
        allowClear
        style={{ width: 170 }}
        value={value.status ?? undefined}
        onChange={(v: QueueStatus | undefined) => onChange({ status: v ?? null })}
        placeholder={t('apr.anyStatus')}
        options={STATUSES.map((s) => ({ value: s, label: t(`apr.status.${s}`) }))}
        data-testid="apr-status"
      />
      <Select
        allowClear
        style={{ width: 230 }}
        value={value.flag ?? undefined}
        onChange={(v: ReviewFlag['kind'] | undefined) => onChange({ flag: v ?? null })}
        placeholder={t('apr.anyFlag')}
        options={FLAGS.map((f) => ({ value: f, label: t(`flagShort.${f}`) }))}
        data-testid="apr-flag"
      />
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('apr.search')}
        value={value.q}
        onChange={(e) => onChange({ q: e.target.value })}
        style={{ width: 240 }}
        data-testid="apr-search"
      />
    </Space>
  );
}
