// Validation messages: errors in red, warnings in amber; a node code is a link that selects the node. Each
// problem is worded from its code in the reader's language (importProblemText).
import { Button, List, Space, Tag, Typography } from 'antd';
import type { Problem } from '../../../../core/framework/index.ts';
import { useI18n } from '../../../i18n/context.ts';
import { importProblemText } from '../../../i18n/codes.ts';

interface Props {
  errors: Problem[];
  warnings: Problem[];
  onSelect?: (code: string) => void;
  max?: number;
}

export function ProblemList({ errors, warnings, onSelect, max = 200 }: Props) {
  const { t, lang } = useI18n();
  const rows = [
    ...errors.map((p) => ({ p, level: 'error' as const })),
    ...warnings.map((p) => ({ p, level: 'warning' as const })),
  ];
  if (rows.length === 0)
    return (
      <Typography.Text type="success" data-testid="fw-problems-none">
        {t('fw.noProblems')}
      </Typography.Text>
    );
  return (
    <List
      size="small"
      data-testid="fw-problems"
      dataSource={rows.slice(0, max)}
      footer={rows.length > max ? t('fw.moreProblems', { n: rows.length - max }) : undefined}
      renderItem={({ p, level }, i) => (
        <List.Item key={i} data-testid={`fw-problem-${level}`} data-code={p.code} style={{ paddingInline: 0 }}>
          <Space align="start" size={6}>
            <Tag color={level === 'error' ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>
              {level === 'error' ? t('fw.error') : t('fw.warning')}
            </Tag>
            {p.nodeCode && onSelect ? (
              <Button
                type="link"
                size="small"
                style={{ padding: 0, height: 'auto' }}
                onClick={() => onSelect(p.nodeCode!)}
                data-testid={`fw-problem-node-${p.nodeCode}`}
              >
                {p.nodeCode}
              </Button>
            ) : null}
            <Typography.Text type={level === 'error' ? 'danger' : 'warning'}>
              {importProblemText(t, lang, 'fwProblem', p)}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
