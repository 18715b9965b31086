// Problems of a rejected figures import (422 IMPORT_INVALID): row (or index), unit code, item code, message.
// The unit and item codes come in fields of their own (both the JSON and the file route send them). The
// message is the server's Vietnamese; a reader who chose English reads the problem worded by its code.
import { Alert, Table } from 'antd';
import { useI18n } from '../../i18n/context.ts';
import { importProblemText } from '../../i18n/codes.ts';

export interface FigureProblem {
  row?: number;
  index?: number;
  unitCode?: string;
  itemCode?: string;
  column?: string;
  code?: string;
  params?: Record<string, string | number>;
  message: string;
}

export function FiguresProblems({ problems }: { problems: FigureProblem[] }) {
  const { t, lang } = useI18n();
  return (
    <div data-testid="figures-problems">
      <Alert type="error" showIcon title={t('import.problems', { n: problems.length })} style={{ marginBottom: 12 }} />
      <Table<FigureProblem>
        size="small"
        rowKey={(p, i) => `${p.row ?? p.index ?? ''}-${i ?? 0}`}
        dataSource={problems}
        pagination={problems.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        scroll={{ x: 560 }}
        columns={[
          {
            title: t('import.row'),
            key: 'row',
            width: 70,
            render: (_, p) => p.row ?? (p.index !== undefined ? p.index + 1 : ''),
          },
          { title: t('fig.unitCode'), dataIndex: 'unitCode', width: 150, render: (v: string | undefined) => v ?? '' },
          { title: t('fig.itemCode'), dataIndex: 'itemCode', width: 90, render: (v: string | undefined) => v ?? '' },
          { title: t('import.column'), dataIndex: 'column', width: 110, render: (v: string | undefined) => v ?? '' },
          {
            title: t('import.message'),
            key: 'message',
            render: (_, p) => importProblemText(t, lang, 'figProblem', p),
          },
        ]}
      />
    </div>
  );
}
