// Live preview of the selected leaf: type sample inputs and see the points and the explanation computed
// by the engine (scoreItem) in the browser as you type, with the method currently being edited.
import { useMemo, useState } from 'react';
import { Alert, Card, Divider, Space, Tag, Typography } from 'antd';
import { scoreItem } from '../../../../core/framework/index.ts';
import type { FrameworkNode, InfoField, InputValues } from '../../../../core/framework/index.ts';
import { useT } from '../../../i18n/context.ts';
import { useNum } from '../format.ts';
import { PreviewInputs, infoValues } from './PreviewInputs.tsx';

export function PreviewPanel({ node, infoFields }: { node: FrameworkNode; infoFields: InfoField[] }) {
  const t = useT();
  const num = useNum();
  const [inputs, setInputs] = useState<InputValues>({});
  const [info, setInfo] = useState<Record<string, string>>({});
  const method = node.method ?? { kind: 'manual' as const };
  const result = useMemo(
    () => scoreItem({ maxPoints: node.maxPoints, method: node.method }, inputs, infoValues(info)),
    [node.maxPoints, node.method, inputs, info],
  );

  return (
    <Card size="small" title={t('fw.preview')} data-testid="fw-preview">
      <PreviewInputs
        method={method}
        infoFields={infoFields}
        inputs={inputs}
        info={info}
        onInputs={setInputs}
        onInfo={setInfo}
      />
      <Divider style={{ marginBlock: 12 }} />
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space align="baseline" wrap>
          <Typography.Text type="secondary">{t('fw.previewPoints')}</Typography.Text>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="fw-preview-points">
            {result.notApplicable ? t('fw.na') : result.points === null ? '—' : num(result.points)}
          </Typography.Title>
          <Typography.Text type="secondary">/ {num(node.maxPoints)}</Typography.Text>
          {result.notApplicable && <Tag color="default">{t('fw.notApplicable')}</Tag>}
        </Space>
        <div data-testid="fw-preview-explanation">
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            <Typography.Text strong>{t('fw.rule')}: </Typography.Text>
            {result.explanation.rule}
          </Typography.Paragraph>
          {result.explanation.steps.length > 0 && (
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {result.explanation.steps.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
          )}
        </div>
        {result.issues.map((i, k) => (
          <Alert key={k} type="warning" showIcon title={i.message} data-testid="fw-preview-issue" />
        ))}
      </Space>
    </Card>
  );
}
