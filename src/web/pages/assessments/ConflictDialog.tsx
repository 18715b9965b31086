// 409 VERSION_CONFLICT on an item: shows the person's value next to the other person's (details.current) and
// lets them keep theirs (saved again on top of the new version) or take the other. Nothing is lost: until
// a choice is made the item is not saved and the draft stays on this device.
import { Button, Card, Col, Modal, Row, Space, Typography } from 'antd';
import type { FrameworkNode, InfoValues } from '../../../core/framework/index.ts';
import type { ItemSlot } from './autosave/types.ts';
import { draftOf } from './autosave/types.ts';
import type { ItemDraft } from './autosave/types.ts';
import { scoreOf } from './model.ts';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';

function DraftView({
  node,
  draft,
  info,
  testId,
}: {
  node: FrameworkNode;
  draft: ItemDraft;
  info: InfoValues;
  testId: string;
}) {
  const t = useT();
  const num = useNum();
  const score = scoreOf(node, draft, info);
  const inputs = Object.entries(draft.inputs).filter(([, v]) => v !== null && v !== undefined);
  const shown = (v: unknown) =>
    typeof v === 'boolean' ? (v ? t('as.yes') : t('as.no')) : typeof v === 'number' ? num(v, 4) : String(v);
  return (
    <div data-testid={testId}>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <Typography.Text type="secondary">{t('as.score')}: </Typography.Text>
        <Typography.Text strong>{score.notApplicable ? t('as.na') : num(score.points)}</Typography.Text>
      </Typography.Paragraph>
      {inputs.length > 0 && (
        <ul style={{ margin: '0 0 4px', paddingInlineStart: 18 }}>
          {inputs.map(([k, v]) => (
            <li key={k}>
              {k}: {shown(v)}
            </li>
          ))}
        </ul>
      )}
      {draft.explanation && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
          {draft.explanation}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary">{t('as.evidenceCount', { n: draft.evidenceIds.length })}</Typography.Text>
    </div>
  );
}

interface Props {
  slot: ItemSlot | null;
  node: FrameworkNode | null;
  info: InfoValues;
  onResolve: (code: string, choice: 'mine' | 'theirs') => void;
  onClose: () => void;
}

export function ConflictDialog({ slot, node, info, onResolve, onClose }: Props) {
  const t = useT();
  const other = slot?.conflict;
  const name = other?.updatedBy?.fullName || t('as.conflict.someone');
  return (
    <Modal
      open={!!slot && !!other && !!node}
      title={slot ? t('as.conflict.title', { code: slot.code }) : ''}
      onCancel={onClose}
      width={720}
      footer={
        slot ? (
          <Space wrap>
            <Button onClick={() => onResolve(slot.code, 'theirs')} data-testid="conflict-theirs">
              {t('as.conflict.takeTheirs')}
            </Button>
            <Button type="primary" onClick={() => onResolve(slot.code, 'mine')} data-testid="conflict-mine">
              {t('as.conflict.keepMine')}
            </Button>
          </Space>
        ) : null
      }
      data-testid="conflict-dialog"
    >
      {slot && other && node && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('as.conflict.help', { name })}</Typography.Paragraph>
          <Typography.Text strong>
            {node.code}. {node.title}
          </Typography.Text>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={12}>
              <Card size="small" title={t('as.conflict.mine')}>
                <DraftView node={node} draft={slot.draft} info={info} testId="conflict-mine-value" />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title={t('as.conflict.theirs', { name })}>
                <DraftView node={node} draft={draftOf(other)} info={info} testId="conflict-theirs-value" />
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </Modal>
  );
}
