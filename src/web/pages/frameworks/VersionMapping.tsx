// Node mapping from an older version onto a newer one: the server's proposal (with confidence, and the
// best candidate of unmapped nodes) or the pairs already confirmed; a person who may write the older
// version's set adjusts and confirms (PUT); others see the mapping read-only.
import { useMemo, useState } from 'react';
import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { flattenNodes } from '../../../core/framework/index.ts';
import type { NodeMapping } from '../../../core/framework/index.ts';
import type { FrameworkDetail } from '../../../contract/frameworks.ts';
import { useFrameworkMapping, useSaveMapping } from '../../api/frameworks.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';
import { useNum } from './format.ts';
import { accentInsensitiveSearch } from '../../lib/searchSelect.ts';

function confidenceColor(c: number): string {
  return c >= 0.85 ? 'green' : c >= 0.6 ? 'blue' : 'orange';
}

export function VersionMapping({ older, newer }: { older: FrameworkDetail; newer: FrameworkDetail }) {
  const t = useT();
  const num = useNum();
  const { data, isLoading, error } = useFrameworkMapping(older.id, newer.id);
  const save = useSaveMapping();
  const [edits, setEdits] = useState<Record<string, string | null>>({});
  const options = useMemo(
    () => flattenNodes(newer.definition.nodes).map((f) => ({ value: f.code, label: `${f.code}. ${f.node.title}` })),
    [newer],
  );
  const confirmed = useMemo(() => new Map((data?.confirmed ?? []).map((p) => [p.fromCode, p.toCode])), [data]);
  const valueOf = (m: NodeMapping): string | null =>
    m.fromCode in edits
      ? (edits[m.fromCode] ?? null)
      : data?.confirmed
        ? (confirmed.get(m.fromCode) ?? null)
        : (m.to?.code ?? null);

  if (error) return <Alert type="error" showIcon title={error.message} />;
  const mappings = data?.proposal.mappings ?? [];
  const submit = () => {
    const pairs = mappings.flatMap((m) => {
      const to = valueOf(m);
      return to ? [{ fromCode: m.fromCode, toCode: to }] : [];
    });
    save.mutate(
      { fromId: older.id, toId: newer.id, pairs },
      {
        onSuccess: () => {
          setEdits({});
          notifySuccess(t('fw.mappingSaved'));
        },
      },
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="fw-mapping">
      <Typography.Text type="secondary">
        {data?.confirmed
          ? t('fw.mappingConfirmed')
          : t('fw.mappingProposal', { threshold: num((data?.proposal.threshold ?? 0.6) * 100, 0) })}
      </Typography.Text>
      <Table<NodeMapping>
        size="small"
        rowKey="fromCode"
        tableLayout="fixed"
        loading={isLoading}
        dataSource={mappings}
        pagination={mappings.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        columns={[
          {
            title: t('fw.fromVersion', { n: older.version }),
            key: 'from',
            width: '45%',
            render: (_: unknown, m) => `${m.fromCode}. ${m.fromTitle}`,
          },
          {
            title: t('fw.toVersion', { n: newer.version }),
            key: 'to',
            width: '40%',
            render: (_: unknown, m) => (
              <Select<string>
                allowClear
                disabled={!older.abilities.confirmMapping}
                showSearch={accentInsensitiveSearch}
                style={{ width: '100%' }}
                placeholder={t('fw.unmapped')}
                value={valueOf(m) ?? undefined}
                options={options}
                onChange={(v) => setEdits((e) => ({ ...e, [m.fromCode]: v ?? null }))}
                data-testid={`fw-map-${m.fromCode}`}
              />
            ),
          },
          {
            title: t('fw.confidence'),
            key: 'c',
            width: '15%',
            render: (_: unknown, m) =>
              m.to ? (
                <Tag color={confidenceColor(m.to.confidence)}>{num(m.to.confidence * 100, 0)}%</Tag>
              ) : m.bestCandidate ? (
                <Typography.Text type="secondary">
                  {t('fw.bestCandidate', { code: m.bestCandidate.code, pct: num(m.bestCandidate.confidence * 100, 0) })}
                </Typography.Text>
              ) : (
                <Tag>{t('fw.unmapped')}</Tag>
              ),
          },
        ]}
      />
      {(data?.proposal.unmappedNew.length ?? 0) > 0 && (
        <Typography.Text type="secondary">
          {t('fw.unmappedNew', { codes: data!.proposal.unmappedNew.join(', ') })}
        </Typography.Text>
      )}
      {save.error && <Alert type="error" showIcon title={save.error.message} />}
      {older.abilities.confirmMapping && (
        <Button
          type="primary"
          onClick={submit}
          loading={save.isPending}
          disabled={mappings.length === 0}
          data-testid="fw-mapping-save"
        >
          {t('fw.confirmMapping')}
        </Button>
      )}
    </Space>
  );
}
