// Self, proposed and final scores of an item side by side, each departure shown as a coloured delta.
import { Col, Row, Statistic, Typography } from 'antd';
import { scoreDelta } from '../../../core/appraisal/index.ts';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';
import { ScoreDelta } from './ScoreDelta.tsx';

interface Props {
  self: number | null;
  proposed: number | null;
  final: number | null;
  max: number;
  notApplicable: boolean;
}

export function ScoreTriple({ self, proposed, final, max, notApplicable }: Props) {
  const t = useT();
  const num = useNum();
  const cell = (label: string, value: number | null, delta: number | null, tid: string) => (
    <Col span={8}>
      <Statistic
        title={label}
        value={num(value)}
        data-testid={`apr-score-${tid}`}
        suffix={
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            / {num(max)}
          </Typography.Text>
        }
      />
      <ScoreDelta delta={delta} testId={`apr-delta-${tid}`} />
    </Col>
  );
  return (
    <Row gutter={8} data-testid="apr-scores">
      {cell(t('apr.self'), self, null, 'self')}
      {cell(t('apr.proposed'), proposed, scoreDelta(self, proposed), 'proposed')}
      {notApplicable ? (
        <Col span={8}>
          <Statistic title={t('apr.final')} value={t('apr.naShort')} data-testid="apr-score-final" />
        </Col>
      ) : (
        cell(t('apr.final'), final, scoreDelta(self, final), 'final')
      )}
    </Row>
  );
}
