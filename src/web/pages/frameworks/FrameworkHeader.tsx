// Header of a version: name, code, version, status, the unit that issued it, decision, unit types,
// declared totals vs actual (counted locally by the engine) and the actions. A draft the caller may read
// but not write (another unit's set) says whose it is.
import type { ReactNode } from 'react';
import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { countIndicators, sumPoints } from '../../../core/framework/index.ts';
import type { FrameworkDefinition } from '../../../core/framework/index.ts';
import type { FrameworkDetail } from '../../../contract/frameworks.ts';
import { UnitTypeTag } from '../../components/UnitTypeTag.tsx';
import { showDate } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';
import { IllustrativeTag, StatusTag } from './FrameworkTags.tsx';
import { FrameworkActions } from './FrameworkActions.tsx';
import { useNum } from './format.ts';

function Versus({ actual, declared, testId }: { actual: number; declared: number | undefined; testId: string }) {
  const t = useT();
  const num = useNum();
  const off = declared !== undefined && declared !== actual;
  return (
    <span data-testid={testId} data-mismatch={off ? 'true' : 'false'}>
      <Typography.Text type={off ? 'danger' : undefined} strong>
        {num(actual)}
      </Typography.Text>
      {declared !== undefined && (
        <Typography.Text type="secondary"> ({t('fw.declaredShort', { n: num(declared) })})</Typography.Text>
      )}
    </span>
  );
}

interface Props {
  detail: FrameworkDetail;
  definition: FrameworkDefinition;
  dirty: boolean;
  saveSlot: ReactNode;
}

export function FrameworkHeader({ detail, definition, dirty, saveSlot }: Props) {
  const t = useT();
  const counts = countIndicators(definition.nodes);
  const total = sumPoints(definition.nodes.map((n) => n.maxPoints));
  const declared = definition.declared ?? {};
  const d = definition.decision;
  return (
    <Card size="small" data-testid="fw-header">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="fw-name">
            {definition.name}
          </Typography.Title>
          <StatusTag status={detail.status} />
          <Tag data-testid="fw-version">{t('fw.versionN', { n: detail.version })}</Tag>
          {definition.illustrative && <IllustrativeTag />}
        </Space>
        <Descriptions size="small" layout="vertical" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('fw.code')}>{definition.code}</Descriptions.Item>
          <Descriptions.Item label={t('fw.owner')}>
            <span data-testid="fw-owner">{detail.ownerUnit.name}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('fw.decision')}>
            {d.number}
            {d.date ? ` — ${t('fw.dated', { date: showDate(d.date) })}` : ''}
            {d.issuer ? ` — ${d.issuer}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('fw.appliesTo')}>
            <Space wrap size={[4, 4]}>
              {definition.appliesTo.unitTypes.map((u) => (
                <UnitTypeTag key={u} type={u} />
              ))}
              {definition.appliesTo.groupName && (
                <Typography.Text type="secondary">{definition.appliesTo.groupName}</Typography.Text>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('fw.mainIndicatorsVs')}>
            <Versus actual={counts.mainIndicators} declared={declared.mainIndicators} testId="fw-count-main" />
          </Descriptions.Item>
          <Descriptions.Item label={t('fw.subIndicatorsVs')}>
            <Versus actual={counts.subIndicators} declared={declared.subIndicators} testId="fw-count-sub" />
          </Descriptions.Item>
          <Descriptions.Item label={t('fw.totalPointsVs')}>
            <Versus actual={total} declared={declared.totalPoints} testId="fw-count-total" />
          </Descriptions.Item>
        </Descriptions>
        {detail.status === 'draft' && !detail.abilities.update && (
          <Alert
            type="info"
            showIcon
            title={t('fw.ownedElsewhere', { owner: detail.ownerUnit.name })}
            data-testid="fw-owned-elsewhere"
          />
        )}
        <FrameworkActions detail={detail} dirty={dirty} />
        {saveSlot}
      </Space>
    </Card>
  );
}
