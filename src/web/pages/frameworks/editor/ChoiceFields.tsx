// Options of a choice method: value, label, points or fraction of max.
import { Button, Input, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ChoiceMethod, ChoiceOption } from '../../../../core/framework/index.ts';
import { useT } from '../../../i18n/context.ts';
import { ShareInput } from './ShareInput.tsx';
import type { Share } from './ShareInput.tsx';
import { useNum } from '../format.ts';

interface Props {
  method: ChoiceMethod;
  maxPoints: number;
  editable: boolean;
  onChange: (m: ChoiceMethod) => void;
}

function withShare(o: ChoiceOption, s: Share): ChoiceOption {
  const { points: _p, fraction: _f, ...rest } = o;
  return { ...rest, ...s };
}

export function ChoiceFields({ method, maxPoints, editable, onChange }: Props) {
  const t = useT();
  const num = useNum();
  const set = (i: number, o: ChoiceOption) =>
    onChange({ ...method, options: method.options.map((x, j) => (j === i ? o : x)) });
  const remove = (i: number) => onChange({ ...method, options: method.options.filter((_x, j) => j !== i) });
  const add = () =>
    onChange({
      ...method,
      options: [...method.options, { value: `lua_chon_${method.options.length + 1}`, label: '', points: 0 }],
    });
  return (
    <div data-testid="fw-choice-options">
      <Table<ChoiceOption>
        size="small"
        tableLayout="fixed"
        pagination={false}
        rowKey={(_o, i) => String(i ?? 0)}
        dataSource={method.options}
        columns={[
          {
            title: t('fw.optionValue'),
            key: 'v',
            width: 120,
            render: (_: unknown, o, i) => (
              <Input readOnly={!editable} value={o.value} onChange={(e) => set(i, { ...o, value: e.target.value })} />
            ),
          },
          {
            title: t('fw.optionLabel'),
            key: 'l',
            render: (_: unknown, o, i) => (
              <Input.TextArea
                readOnly={!editable}
                autoSize
                value={o.label}
                onChange={(e) => set(i, { ...o, label: e.target.value })}
              />
            ),
          },
          {
            title: t('fw.share'),
            key: 's',
            width: 210,
            render: (_: unknown, o, i) => (
              <ShareInput value={o} editable={editable} onChange={(s) => set(i, withShare(o, s))} />
            ),
          },
          {
            title: t('fw.points'),
            key: 'p',
            width: 70,
            align: 'right',
            render: (_: unknown, o) => (
              <Typography.Text type="secondary">{num(o.points ?? (o.fraction ?? 0) * maxPoints)}</Typography.Text>
            ),
          },
          ...(editable
            ? [
                {
                  key: 'x',
                  width: 44,
                  render: (_: unknown, _o: ChoiceOption, i: number) => (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(i)}
                      aria-label={t('common.delete')}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable && (
        <Button size="small" icon={<PlusOutlined />} onClick={add} style={{ marginTop: 8 }}>
          {t('fw.addOption')}
        </Button>
      )}
    </div>
  );
}
