// Table of the row-by-row problems of a rejected import (422 IMPORT_INVALID).
import { Alert, Table } from 'antd';
import type { ImportProblem } from '../api/client.ts';
import { useT } from '../i18n/context.ts';

export function ImportProblems({ problems }: { problems: ImportProblem[] }) {
  const t = useT();
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
          { title: t('import.message'), dataIndex: 'message' },
        ]}
        scroll={{ x: 480 }}
      />
    </div>
  );
}
