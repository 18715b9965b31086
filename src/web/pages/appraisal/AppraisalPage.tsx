// /campaigns/:id/appraisal — the review workspace of the support team and council members: the queue of
// exactly their work (unit by unit, or item by item across the units of a group), filters, the side panel
// of the selected row with the decision forms, keyboard navigation and bulk acceptance of self scores; the
// units' objections to answer once the results are approved.
import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Result, Row, Space, Statistic, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { compareCodes, matchesSearch } from '../../../core/text/vietnamese.ts';
import { APPRAISAL_KEY, useQueue } from '../../api/appraisal.ts';
import type { QueueRow } from '../../api/appraisalTypes.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useT } from '../../i18n/context.ts';
import { BulkAcceptButton } from './BulkAcceptButton.tsx';
import type { KeyCommand } from './DecisionForm.tsx';
import { QueueTable, rowKey } from './QueueTable.tsx';
import { QueueToolbar } from './QueueToolbar.tsx';
import type { ToolbarValue } from './QueueToolbar.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { ObjectionsCard } from './admin/ObjectionsCard.tsx';
import { ShortcutLegend } from './ShortcutLegend.tsx';
import { useQueueKeys } from './useQueueKeys.ts';
import { BackLink } from '../../components/BackLink.tsx';

export default function AppraisalPage() {
  const t = useT();
  const { id } = useParams();
  const qc = useQueryClient();
  const [f, setF] = useState<ToolbarValue>({
    mode: 'unit',
    pick: null,
    groupId: null,
    status: null,
    flag: null,
    q: '',
  });
  const queue = useQueue(
    {
      campaignId: id,
      groupId: f.groupId ?? undefined,
      mode: f.mode,
      status: f.status ?? undefined,
      flag: f.flag ?? undefined,
    },
    !!id,
  );
  const [selected, setSelected] = useState<string | null>(null);
  const [checked, setChecked] = useState<string[]>([]);
  const [command, setCommand] = useState<KeyCommand | null>(null);
  const all = useMemo(() => queue.data?.items ?? [], [queue.data]);

  const picks = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of all) {
      if (f.mode === 'unit') m.set(r.unit.id, `${r.unit.name} (${r.unit.code})`);
      else m.set(r.code, `${r.code}. ${r.title}`);
    }
    const list = [...m].map(([value, label]) => ({ value, label }));
    return f.mode === 'item' ? list.sort((a, b) => compareCodes(a.value, b.value)) : list;
  }, [all, f.mode]);

  const rows = useMemo(
    () =>
      all.filter(
        (r) =>
          (!f.pick || (f.mode === 'unit' ? r.unit.id === f.pick : r.code === f.pick)) &&
          matchesSearch(`${r.unit.code} ${r.unit.name} ${r.code} ${r.title}`, f.q),
      ),
    [all, f.pick, f.mode, f.q],
  );
  const current: QueueRow | null = rows.find((r) => rowKey(r) === selected) ?? rows[0] ?? null;
  const currentKey = current ? rowKey(current) : null;

  const move = (step: 1 | -1) => {
    if (rows.length === 0) return;
    const i = rows.findIndex((r) => rowKey(r) === currentKey);
    const next = rows[Math.min(rows.length - 1, Math.max(0, i + step))];
    if (next) setSelected(rowKey(next));
  };
  const reload = () => void qc.invalidateQueries({ queryKey: APPRAISAL_KEY });
  useQueueKeys(
    {
      move,
      accept: () => setCommand((c) => ({ kind: 'accept', seq: (c?.seq ?? 0) + 1 })),
      save: () => setCommand((c) => ({ kind: 'save', seq: (c?.seq ?? 0) + 1 })),
    },
    !!current,
  );

  if (queue.isLoading) return <PageLoading />;
  if (queue.error) return <Result status="warning" title={queue.error.message} />;
  const s = queue.data?.summary;
  const groups = (queue.data?.groups ?? []).filter((g) => !id || g.campaignId === id);
  const bulkRows = all.filter((r) => checked.includes(rowKey(r)));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="apr-page">
      <BackLink to={`/campaigns/${id ?? ''}`}>{groups[0]?.campaignName ?? t('camp.back')}</BackLink>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('apr.title')}
        </Typography.Title>
        <Space wrap>
          <Card size="small">
            <Statistic title={t('apr.sumTotal')} value={s?.total ?? 0} data-testid="apr-sum-total" />
          </Card>
          {(['pending', 'proposed', 'requested', 'final'] as const).map((k) => (
            <Card size="small" key={k}>
              <Statistic title={t(`apr.status.${k}`)} value={s?.byStatus?.[k] ?? 0} data-testid={`apr-sum-${k}`} />
            </Card>
          ))}
        </Space>
      </Space>
      {/* After approval the council answers the units' objections here (issue 14 §1). */}
      {id && <ObjectionsCard campaignId={id} hideEmpty />}
      <QueueToolbar
        value={f}
        onChange={(p) => {
          setF((x) => ({ ...x, ...p }));
          setChecked([]);
        }}
        picks={picks}
        groups={groups}
      />
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <ShortcutLegend />
        <Space>
          <Button
            icon={<ReloadOutlined />}
            onClick={reload}
            loading={queue.isFetching}
            aria-label={t('common.retry')}
          />
          <BulkAcceptButton rows={bulkRows} onDone={() => setChecked([])} />
        </Space>
      </Space>
      {all.length === 0 ? (
        <Empty description={t('apr.empty')} data-testid="apr-empty" />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <QueueTable
              rows={rows}
              mode={f.mode}
              loading={queue.isFetching}
              selected={currentKey}
              checked={checked}
              onSelect={setSelected}
              onCheck={setChecked}
            />
          </Col>
          <Col xs={24} xl={10}>
            <div style={{ position: 'sticky', top: 8 }}>
              {current ? (
                <ReviewPanel row={current} command={command} onReload={reload} onSaved={() => move(1)} />
              ) : (
                <Empty description={t('apr.noMatch')} />
              )}
            </div>
          </Col>
        </Row>
      )}
    </Space>
  );
}
