// The appraisal body of a group: kind (council or the parent unit), name and the decision that set it up.
import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useSaveBody } from '../../../api/appraisalAdmin.ts';
import type { GroupBody } from '../../../api/appraisalTypes.ts';
import { useT } from '../../../i18n/context.ts';

export function BodyFormModal({
  campaignId,
  groupId,
  body,
  onClose,
}: {
  campaignId: string;
  groupId: string;
  body: GroupBody['body'];
  onClose: () => void;
}) {
  const t = useT();
  const save = useSaveBody(campaignId);
  const [kind, setKind] = useState<'council' | 'parent_unit'>(body?.kind ?? 'council');
  const [name, setName] = useState(body?.name ?? 'Hội đồng thẩm định');
  const [decisionRef, setDecisionRef] = useState(body?.decisionRef ?? '');
  const submit = async () => {
    await save.mutateAsync({ groupId, kind, name: name.trim(), decisionRef: decisionRef.trim() || undefined });
    onClose();
  };
  return (
    <Modal
      open
      title={t('adm.body')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: !name.trim(), ...({ 'data-testid': 'body-save' } as Record<string, string>) }}
    >
      <Form layout="vertical">
        <Form.Item label={t('adm.bodyKind')}>
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value as 'council' | 'parent_unit')}
            options={[
              { value: 'council', label: t('adm.kind.council') },
              { value: 'parent_unit', label: t('adm.kind.parent_unit') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('adm.bodyName')} required>
          <Input value={name} onChange={(e) => setName(e.target.value)} data-testid="body-name" />
        </Form.Item>
        <Form.Item label={t('adm.decisionRef')}>
          <Input
            value={decisionRef}
            onChange={(e) => setDecisionRef(e.target.value)}
            placeholder="123/QĐ-UBND"
            data-testid="body-decision"
          />
        </Form.Item>
      </Form>
      {save.error && <Alert type="error" showIcon title={save.error.message} />}
    </Modal>
  );
}
