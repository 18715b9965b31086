// /org-units: the organisation tree with search, details of the selected unit and the unit actions.
import { useDeferredValue, useMemo, useState } from 'react';
import { Button, Card, Col, Drawer, Grid, Input, Row, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import type { OrgUnit } from '../../../contract/org-units.ts';
import { useImportUnits, useOrgUnits } from '../../api/orgUnits.ts';
import { downloadFile } from '../../api/client.ts';
import { indexUnits } from '../../lib/tree.ts';
import { notifyError } from '../../lib/notify.ts';
import { useWindowHeight } from '../../hooks/useWindowHeight.ts';
import { ImportModal } from '../../components/ImportModal.tsx';
import { OrgUnitTree } from './OrgUnitTree.tsx';
import { OrgUnitDetail } from './OrgUnitDetail.tsx';
import type { UnitAction } from './OrgUnitDetail.tsx';
import { UnitFormModal } from './UnitFormModal.tsx';
import type { UnitFormMode } from './UnitFormModal.tsx';
import { MoveUnitModal } from './MoveUnitModal.tsx';
import { DeactivateUnitModal } from './DeactivateUnitModal.tsx';
import { LineageModal } from './LineageModal.tsx';
import { useT } from '../../i18n/context.ts';

type Dialog =
  | { kind: 'form'; mode: UnitFormMode }
  | { kind: 'move' | 'deactivate' | 'lineage'; unit: OrgUnit }
  | { kind: 'import' }
  | null;

function ancestorsOf(byId: Map<string, OrgUnit>, id: string): string[] {
  const out: string[] = [];
  let p = byId.get(id)?.parentId ?? null;
  while (p && byId.has(p) && !out.includes(p)) {
    out.push(p);
    p = byId.get(p)?.parentId ?? null;
  }
  return out;
}

export default function OrgUnitsPage() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const wide = !!screens.lg;
  const windowHeight = useWindowHeight();
  const { data, isLoading } = useOrgUnits();
  const importUnits = useImportUnits();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reveal, setReveal] = useState<string[]>([]);
  const [exporting, setExporting] = useState(false);

  const index = useMemo(() => indexUnits(data?.items ?? []), [data]);

  const select = (id: string) => {
    setSelectedId(id);
    setReveal(ancestorsOf(index.byId, id));
  };

  const onAction = (action: UnitAction, unit: OrgUnit) => {
    if (action === 'edit') setDialog({ kind: 'form', mode: { kind: 'edit', unit } });
    else if (action === 'createChild') setDialog({ kind: 'form', mode: { kind: 'create', parentId: unit.id } });
    else setDialog({ kind: action, unit });
  };

  const doExport = async () => {
    setExporting(true);
    try {
      await downloadFile('/org-units/export', 'don-vi.xlsx');
    } catch (e) {
      notifyError(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  };

  const canCreate = !!data?.abilities.create;
  const treeHeight = Math.max(320, windowHeight - (wide ? 260 : 300));
  const detail = <OrgUnitDetail unitId={selectedId} onAction={onAction} onSelect={select} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Typography.Title level={3} style={{ margin: 0, flex: '1 1 auto' }}>
          {t('nav.orgUnits')}
        </Typography.Title>
        {canCreate && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'form', mode: { kind: 'create', parentId: null } })}
            data-testid="unit-create-root"
          >
            {t('unit.createRoot')}
          </Button>
        )}
        {canCreate && (
          <Button icon={<UploadOutlined />} onClick={() => setDialog({ kind: 'import' })} data-testid="unit-import">
            {t('unit.import')}
          </Button>
        )}
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void doExport()}
          data-testid="unit-export"
        >
          {t('unit.export')}
        </Button>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('unit.searchPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              data-testid="unit-search"
              style={{ marginBottom: 8 }}
            />
            {!deferredQuery && data && (
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
                {t('unit.count', { n: data.items.length })}
              </Typography.Text>
            )}
            {isLoading ? (
              <Spin />
            ) : (
              <OrgUnitTree
                index={index}
                query={deferredQuery}
                selectedId={selectedId}
                onSelect={select}
                height={treeHeight}
                reveal={reveal}
              />
            )}
          </Card>
        </Col>
        {wide && (
          <Col lg={10}>
            <Card size="small" style={{ position: 'sticky', top: 16 }}>
              {detail}
            </Card>
          </Col>
        )}
      </Row>
      {!wide && (
        <Drawer
          open={!!selectedId}
          onClose={() => setSelectedId(null)}
          size="large"
          placement="bottom"
          styles={{ wrapper: { height: '85vh' } }}
        >
          {detail}
        </Drawer>
      )}
      {dialog?.kind === 'form' && (
        <UnitFormModal
          mode={dialog.mode}
          onClose={() => setDialog(null)}
          onSaved={(unit) => {
            setDialog(null);
            setSelectedId(unit.id);
            setReveal(unit.parentId ? [unit.parentId, ...ancestorsOf(index.byId, unit.parentId)] : []);
          }}
        />
      )}
      {dialog?.kind === 'move' && <MoveUnitModal unit={dialog.unit} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'deactivate' && <DeactivateUnitModal unit={dialog.unit} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'lineage' && <LineageModal unit={dialog.unit} onClose={() => setDialog(null)} />}
      <ImportModal
        open={dialog?.kind === 'import'}
        title={t('unit.importTitle')}
        help={t('unit.importColumns')}
        accept=".xlsx,.csv"
        mutation={importUnits}
        problemWords="unitImport"
        successText={(r) => t('unit.importDone', { created: r.created, updated: r.updated })}
        onClose={() => setDialog(null)}
        template={{ url: '/org-units/import-template', name: 'mau-nhap-don-vi.xlsx' }}
      />
    </Space>
  );
}
