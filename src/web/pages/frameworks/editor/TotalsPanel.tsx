// Totals of the draft, computed locally: each main indicator's max against the sum of its children, the
// overall total and counts against the declared ones, and validateFramework's errors and warnings.
import { Card, Space, Table, Tag, Typography } from 'antd';
import { countIndicators, sumPoints } from '../../../../core/framework/index.ts';
import type { FrameworkDefinition, FrameworkNode, ValidationReport } from '../../../../core/framework/index.ts';
import { useT } from '../../../i18n/context.ts';
import { useNum } from '../format.ts';
import { ProblemList } from './ProblemList.tsx';

interface Props {
  definition: FrameworkDefinition;
  validation: ValidationReport;
  onSelect: (code: string) => void;
}

interface Row {
  node: FrameworkNode;
  childSum: number | null;
}

export function TotalsPanel({ definition, validation, onSelect }: Props) {
  const t = useT();
  const num = useNum();
  const rows: Row[] = definition.nodes.map((node) => ({
    node,
    childSum: node.children && node.children.length > 0 ? sumPoints(node.children.map((c) => c.maxPoints)) : null,
  }));
  const total = sumPoints(definition.nodes.map((n) => n.maxPoints));
  const declared = definition.declared?.totalPoints;
  const counts = countIndicators(definition.nodes);
  const totalOff = declared !== undefined && declared !== total;
  return (
    <Card size="small" title={t('fw.totals')} data-testid="fw-totals">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Table<Row>
          size="small"
          pagination={false}
          rowKey={(r) => r.node.code}
          dataSource={rows}
          onRow={(r) => ({ onClick: () => onSelect(r.node.code), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('fw.mainIndicator'), key: 'n', render: (_: unknown, r) => `${r.node.code}. ${r.node.title}` },
            {
              title: t('fw.maxPoints'),
              key: 'm',
              width: 80,
              align: 'right',
              render: (_: unknown, r) => num(r.node.maxPoints),
            },
            {
              title: t('fw.childrenSum'),
              key: 's',
              width: 100,
              align: 'right',
              render: (_: unknown, r) =>
                r.childSum === null ? (
                  '—'
                ) : (
                  <Typography.Text
                    type={r.childSum !== r.node.maxPoints ? 'danger' : undefined}
                    strong={r.childSum !== r.node.maxPoints}
                    data-testid={`fw-total-row-${r.node.code}`}
                    data-mismatch={r.childSum !== r.node.maxPoints ? 'true' : 'false'}
                  >
                    {num(r.childSum)}
                  </Typography.Text>
                ),
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('fw.overall')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text
                  strong
                  type={totalOff ? 'danger' : undefined}
                  data-testid="fw-total-overall"
                  data-mismatch={totalOff ? 'true' : 'false'}
                >
                  {num(total)}
                </Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {declared !== undefined && (
                  <Typography.Text type="secondary">{t('fw.declaredShort', { n: num(declared) })}</Typography.Text>
                )}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
        <Space wrap size={4}>
          <Tag>
            {t('fw.countsLong', { main: counts.mainIndicators, sub: counts.subIndicators, leaves: counts.leaves })}
          </Tag>
          <Tag color={validation.errors.length ? 'red' : 'green'} data-testid="fw-error-count">
            {t('fw.errorsN', { n: validation.errors.length })}
          </Tag>
          <Tag color={validation.warnings.length ? 'orange' : 'default'} data-testid="fw-warning-count">
            {t('fw.warningsN', { n: validation.warnings.length })}
          </Tag>
        </Space>
        <ProblemList errors={validation.errors} warnings={validation.warnings} onSelect={onSelect} />
      </Space>
    </Card>
  );
}
