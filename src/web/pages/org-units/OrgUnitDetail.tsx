// Details of the selected unit (GET /org-units/{id}): path, dates, groups, lineage, and the actions its
// abilities allow.
import { Breadcrumb, Button, Descriptions, Empty, Space, Spin, Tag, Typography } from 'antd';
import { BranchesOutlined, EditOutlined, PlusOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { UnitRef } from '../../../contract/common.ts';
import type { OrgUnit } from '../../../contract/org-units.ts';
import { useOrgUnit } from '../../api/orgUnits.ts';
import { UnitTypeTag } from '../../components/UnitTypeTag.tsx';
import { showDate } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';
import { RemoveLineageModal } from './RemoveLineageModal.tsx';

type LineageRef = UnitRef & {
  effectiveDate?: string;
  kind?: string;
  legalBasis?: string | null;
  legalBasisDate?: string | null;
};

export type UnitAction = 'createChild' | 'edit' | 'move' | 'deactivate' | 'lineage';

interface Props {
  unitId: string | null;
  onAction: (action: UnitAction, unit: OrgUnit) => void;
  onSelect: (id: string) => void;
}

function RefList({
  refs,
  onSelect,
  onRemove,
}: {
  refs: LineageRef[];
  onSelect: (id: string) => void;
  /** Offered on the unit's predecessors to who may change the unit. */
  onRemove?: (r: LineageRef) => void;
}) {
  const t = useT();
  if (refs.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {refs.map((r) => (
        <span key={r.id} data-testid="lineage-ref">
          <Typography.Link onClick={() => onSelect(r.id)}>
            {r.code} — {r.name}
          </Typography.Link>
          {r.effectiveDate ? ` (${showDate(r.effectiveDate)}` : ''}
          {r.kind ? ` · ${t(`lineage.kind.${r.kind}` as 'lineage.kind.merger')}` : ''}
          {r.legalBasis
            ? ` · ${t('lineage.basis', { basis: `${r.legalBasis}${r.legalBasisDate ? ` ${showDate(r.legalBasisDate)}` : ''}` })}`
            : ''}
          {r.effectiveDate ? ')' : ''}
          {onRemove && (
            <>
              {' '}
              <Typography.Link type="danger" onClick={() => onRemove(r)} data-testid="lineage-remove">
                {t('lineage.remove')}
              </Typography.Link>
            </>
          )}
        </span>
      ))}
    </Space>
  );
}

export function OrgUnitDetail({ unitId, onAction, onSelect }: Props) {
  const t = useT();
  const { data: unit, isLoading } = useOrgUnit(unitId);
  const [removing, setRemoving] = useState<LineageRef | null>(null);
  if (!unitId) return <Empty description={t('unit.selectHint')} />;
  if (isLoading || !unit) return <Spin />;
  const a = unit.abilities;
  return (
    <div data-testid="unit-detail">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={unit.path.map((p) => ({
          key: p.id,
          title: p.id === unit.id ? p.name : <Typography.Link onClick={() => onSelect(p.id)}>{p.name}</Typography.Link>,
        }))}
      />
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="unit-detail-name">
        {unit.name}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        {a.update && (
          <Button icon={<EditOutlined />} onClick={() => onAction('edit', unit)} data-testid="unit-edit">
            {t('common.edit')}
          </Button>
        )}
        {a.createChild && (
          <Button icon={<PlusOutlined />} onClick={() => onAction('createChild', unit)} data-testid="unit-create-child">
            {t('unit.createChild')}
          </Button>
        )}
        {a.move && (
          <Button icon={<SwapOutlined />} onClick={() => onAction('move', unit)} data-testid="unit-move">
            {t('unit.move')}
          </Button>
        )}
        {a.update && (
          <Button icon={<BranchesOutlined />} onClick={() => onAction('lineage', unit)} data-testid="unit-lineage">
            {t('lineage.action')}
          </Button>
        )}
        {a.deactivate && unit.active && (
          <Button
            danger
            icon={<StopOutlined />}
            onClick={() => onAction('deactivate', unit)}
            data-testid="unit-deactivate"
          >
            {t('unit.deactivate')}
          </Button>
        )}
      </Space>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 160 } }}>
        <Descriptions.Item label={t('unit.code')}>{unit.code}</Descriptions.Item>
        <Descriptions.Item label={t('unit.type')}>
          <UnitTypeTag type={unit.type} />
        </Descriptions.Item>
        <Descriptions.Item label={t('unit.status')}>
          {unit.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('unit.activeFrom')}>{showDate(unit.activeFrom)}</Descriptions.Item>
        <Descriptions.Item label={t('unit.activeTo')}>{showDate(unit.activeTo)}</Descriptions.Item>
        <Descriptions.Item label={t('unit.groups')}>
          {unit.groups.length ? (
            unit.groups.map((g) => <Tag key={g.id}>{g.name}</Tag>)
          ) : (
            <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('unit.predecessors')}>
          <RefList
            refs={unit.lineage?.predecessors ?? []}
            onSelect={onSelect}
            {...(a.update ? { onRemove: setRemoving } : {})}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('unit.successors')}>
          <RefList refs={unit.lineage?.successors ?? []} onSelect={onSelect} />
        </Descriptions.Item>
      </Descriptions>
      {removing && <RemoveLineageModal unit={unit} predecessor={removing} onClose={() => setRemoving(null)} />}
    </div>
  );
}
