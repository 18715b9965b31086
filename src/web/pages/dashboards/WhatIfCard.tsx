// What-if: change some item scores and see the recomputed total, band and rank (POST
// /campaigns/{id}/what-if). Nothing is saved; the server checks each score against the item's max.
import { useState } from 'react';
import { Alert, Button, Card, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useWhatIf } from '../../api/dashboards.ts';
import type { WhatIfSide } from '../../../contract/dashboards.ts';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';
import { BandTag } from '../results/BandTag.tsx';
import { accentInsensitiveSearch } from '../../lib/searchSelect.ts';

type Row = { key: number; code: string | undefined; score: number | null };

export function WhatIfCard({
  campaignId,
  unitId,
  items,
}: {
  campaignId: string;
  unitId: string;
  items: { code: string; title: string; available: number }[];
}) {
  const t = useT();
  const num = useNum();
  const [rows, setRows] = useState<Row[]>([{ key: 1, code: undefined, score: null }]);
  const whatIf = useWhatIf(campaignId);
  const set = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const changes = rows.filter((r) => r.code && r.score !== null).map((r) => ({ code: r.code!, score: r.score! }));
  const res = whatIf.data;
  const side = (s: WhatIfSide) => [
    num(s.finalAfterPenalty),
    s.percent === null ? '—' : `${num(s.percent)}%`,
    <BandTag key="b" band={s.band} />,
    s.rank ?? '—',
  ];
  return (
    <Card title={t('wi.title')} data-testid="whatif">
      <Typography.Paragraph type="secondary">{t('wi.help')}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {rows.map((r) => (
          <Space key={r.key} wrap>
            <Select
              style={{ width: 360, maxWidth: '80vw' }}
              placeholder={t('wi.item')}
              value={r.code}
              onChange={(code: string) => set(r.key, { code })}
              showSearch={accentInsensitiveSearch}
              options={items.map((i) => ({ value: i.code, label: `${i.code}. ${i.title} (+${num(i.available)})` }))}
              data-testid="whatif-item"
            />
            <InputNumber
              min={0}
              step={0.5}
              placeholder={t('wi.score')}
              value={r.score}
              onChange={(v) => set(r.key, { score: v })}
              data-testid="whatif-score"
            />
            {rows.length > 1 && (
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
              />
            )}
          </Space>
        ))}
        <Space wrap>
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              setRows((rs) => [...rs, { key: Math.max(...rs.map((x) => x.key)) + 1, code: undefined, score: null }])
            }
          >
            {t('wi.add')}
          </Button>
          <Button
            type="primary"
            disabled={changes.length === 0}
            loading={whatIf.isPending}
            onClick={() => whatIf.mutate({ unitId, changes })}
            data-testid="whatif-run"
          >
            {t('wi.run')}
          </Button>
          <Button
            onClick={() => {
              setRows([{ key: 1, code: undefined, score: null }]);
              whatIf.reset();
            }}
          >
            {t('wi.reset')}
          </Button>
        </Space>
        {whatIf.error && <Alert type="error" showIcon title={whatIf.error.message} data-testid="whatif-error" />}
        {res && (
          <div data-testid="whatif-result">
            <Table
              size="small"
              pagination={false}
              rowKey="k"
              dataSource={[
                { k: 'before', label: t('wi.before'), v: side(res.before) },
                { k: 'after', label: t('wi.after'), v: side(res.after) },
              ]}
              columns={[
                { title: '', dataIndex: 'label' },
                { title: t('dash.totalPoints'), key: '0', align: 'right', render: (_, x) => x.v[0] },
                { title: t('res.percent'), key: '1', align: 'right', render: (_, x) => x.v[1] },
                { title: t('res.band'), key: '2', render: (_, x) => x.v[2] },
                { title: t('res.rank'), key: '3', align: 'center', render: (_, x) => x.v[3] },
              ]}
            />
            <Space wrap style={{ marginTop: 8 }}>
              {res.bandChanged && (
                <Tag color="green" data-testid="whatif-band-changed">
                  {t('wi.bandChanged')}
                </Tag>
              )}
              {res.rankChange !== null && res.rankChange !== 0 && (
                <Tag color="blue">
                  {t('wi.rankChange', { n: `${res.rankChange > 0 ? '↑' : '↓'}${Math.abs(res.rankChange)}` })}
                </Tag>
              )}
              <Typography.Text type="secondary">{t('wi.nothingSaved')}</Typography.Text>
            </Space>
          </div>
        )}
      </Space>
    </Card>
  );
}
