// Problems of a rejected index-set file: sheet, row, node code, the problem worded from its rule code in the
// reader's language (the server's message for a rule this app does not know), severity.
import { Alert, Table, Tag } from 'antd';
import type { FrameworkImportProblem } from '../../../contract/frameworks.ts';
import { useI18n } from '../../i18n/context.ts';
import { importProblemText } from '../../i18n/codes.ts';

export function FrameworkImportProblems({ problems }: { problems: FrameworkImportProblem[] }) {
  const { t, lang } = useI18n();
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <div data-testid="import-problems">
      <Alert
        type="error"
        showIcon
        title={t('fw.importProblems', { errors, warnings: problems.length - errors })}
        style={{ marginBottom: 12 }}
      />
      <Table<FrameworkImportProblem>
        size="small"
        rowKey={(_p, i) => String(i ?? 0)}
        dataSource={problems}
        pagination={problems.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        columns={[
          { title: t('fw.sheet'), dataIndex: 'sheet', width: 120, render: (v?: string) => v ?? '' },
          { title: t('import.row'), dataIndex: 'row', width: 70, render: (v?: number) => v ?? '' },
          { title: t('fw.nodeCode'), dataIndex: 'code', width: 90, render: (v?: string) => v ?? '' },
          {
            title: t('import.message'),
            key: 'message',
            render: (_, p) =>
              importProblemText(t, lang, 'fwProblem', { code: p.rule, params: p.params, message: p.message }),
          },
          {
            title: t('fw.severity'),
            dataIndex: 'severity',
            width: 110,
            render: (s: FrameworkImportProblem['severity']) => (
              <Tag color={s === 'error' ? 'red' : 'orange'}>{s === 'error' ? t('fw.error') : t('fw.warning')}</Tag>
            ),
          },
        ]}
        scroll={{ x: 600 }}
      />
    </div>
  );
}
