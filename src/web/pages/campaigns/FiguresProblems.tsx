// Problems of a rejected figures import (422 IMPORT_INVALID): row (or index), unit code, item code, message.
import { Alert, Table } from 'antd';
import { useT } from '../../i18n/context.ts';

export interface FigureProblem {
  row?: number;
  index?: number;
  unitCode?: string;
  itemCode?: string;
  column?: string;
  message: string;
}

/** "Đơn vị X, chỉ số Y: …" (the file route) is split back into its unit and item codes. */
function split(p: FigureProblem): FigureProblem {
  if (p.unitCode || p.itemCode) return p;
  const m = /^Đơn vị (\S+), chỉ số (\S+): (.*)$/s.exec(p.message);
  return m ? { ...p, unitCode: m[1], itemCode: m[2], message: m[3] ?? p.message } : p;
}

export function FiguresProblems({ problems }: { problems: FigureProblem[] }) {
  const t = useT();
  const rows = problems.map(split);
  return (
    <div data-testid="figures-problems">
      <Alert type="error" showIcon title={t('import.problems', { n: rows.length })} style={{ marginBottom: 12 }} />
      <Table<FigureProblem>
        size="small"
        rowKey={(p, i) => `${p.row ?? p.index ?? ''}-${i ?? 0}`}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
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
          { title: t('import.message'), dataIndex: 'message' },
        ]}
      />
    </div>
  );
}
