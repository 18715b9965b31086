// Picks documents from the unit's evidence library (it carries over between campaigns) to attach to an item.
// On a phone the dialog takes the screen's width and each row is one cell (name, then date and summary
// below it), so nothing scrolls sideways; a long name keeps to two lines, the whole of it in the tooltip.
import { useState } from 'react';
import { Grid, Input, Modal, Table, Typography } from 'antd';
import type { Evidence } from '../../../contract/evidence.ts';
import { matchesSearch } from '../../../core/text/vietnamese.ts';
import { showDate } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';
import { docLabel } from './EvidencePanel.tsx';

interface Props {
  code: string | null;
  library: Evidence[];
  attached: string[];
  loading: boolean;
  onAttach: (code: string, ids: string[]) => void;
  onClose: () => void;
}

export function LibraryModal({ code, library, attached, loading, onAttach, onClose }: Props) {
  const t = useT();
  const phone = !Grid.useBreakpoint().md;
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const rows = library.filter(
    (e) =>
      !attached.includes(e.id) &&
      matchesSearch(`${e.fileName ?? ''} ${e.url ?? ''} ${e.docNumber ?? ''} ${e.summary ?? ''} ${e.issuer ?? ''}`, q),
  );
  const close = () => {
    setSelected([]);
    setQ('');
    onClose();
  };
  return (
    <Modal
      open={code !== null}
      title={t('as.library')}
      onCancel={close}
      width={phone ? 'calc(100vw - 16px)' : 760}
      style={phone ? { top: 8, maxWidth: 'none', paddingBottom: 0 } : undefined}
      className="library-dialog"
      okText={t('as.attachSelected', { n: selected.length })}
      okButtonProps={{
        disabled: selected.length === 0,
        ...({ 'data-testid': 'library-attach' } as Record<string, string>),
      }}
      onOk={() => {
        if (code) onAttach(code, selected);
        close();
      }}
    >
      <Input
        allowClear
        placeholder={t('as.librarySearch')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ marginBottom: 12 }}
        data-testid="library-search"
      />
      <Table<Evidence>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        onRow={(e) => ({
          onClick: () => setSelected((s) => (s.includes(e.id) ? s.filter((x) => x !== e.id) : [...s, e.id])),
          style: { cursor: 'pointer' },
        })}
        data-testid="library-table"
        columns={
          phone
            ? [
                {
                  title: t('as.docName'),
                  key: 'name',
                  render: (_, e) => (
                    <>
                      <DocName e={e} />
                      {(e.docDate || e.summary) && (
                        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                          {[showDate(e.docDate), e.summary].filter(Boolean).join(' · ')}
                        </Typography.Text>
                      )}
                    </>
                  ),
                },
              ]
            : [
                { title: t('as.docName'), key: 'name', render: (_, e) => <DocName e={e} /> },
                { title: t('as.docDate'), dataIndex: 'docDate', width: 110, render: (v: string | null) => showDate(v) },
                { title: t('as.evidence'), dataIndex: 'summary', width: 220, render: (v: string | null) => v ?? '' },
              ]
        }
      />
    </Modal>
  );
}

function DocName({ e }: { e: Evidence }) {
  const t = useT();
  const label = docLabel(e, t);
  return (
    <span className="doc-name" title={label}>
      {label}
    </span>
  );
}
