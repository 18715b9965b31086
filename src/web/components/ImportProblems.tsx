// Table of the row-by-row problems of a rejected import (422 IMPORT_INVALID). Each problem is worded from its
// code in the reader's language (importProblemText); the column is the file's own header, as the file reads.
import { Alert, Table } from 'antd';
import type { ImportProblem } from '../api/client.ts';
import { useI18n } from '../i18n/context.ts';
import { type ImportProblemWords, importProblemText } from '../i18n/codes.ts';

export function ImportProblems({ problems, words }: { problems: ImportProblem[]; words: ImportProblemWords }) {
  const { t, lang } = useI18n();
  return (
    <div data-testid="import-problems">
      <Alert type="error" showIcon title={t('import.problems', { n: problems.length })} style={{ marginBottom: 12 }} />
      <Table<ImportProblem>
        size="small"
        rowKey={(p, i) => `${p.row}-${p.column}-${i ?? 0}`}
        dataSource={problems}
        pagination={problems.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        columns={[
          { title: t('import.row'), dataIndex: 'row', width: 70 },
          { title: t('import.column'), dataIndex: 'column', width: 160 },
          { title: t('import.message'), key: 'message', render: (_, p) => importProblemText(t, lang, words, p) },
        ]}
        scroll={{ x: 480 }}
      />
    </div>
  );
}
