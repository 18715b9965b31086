// Confirms publishing: a published version is frozen (no more edits; changes need a new version). When
// the server refuses (422 FRAMEWORK_INVALID) the validation errors are listed.
import { Alert, Modal, Space, Typography } from 'antd';
import type { FrameworkDetail } from '../../../contract/frameworks.ts';
import { useFrameworkAction } from '../../api/frameworks.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';
import { ProblemList } from './editor/ProblemList.tsx';
import { validationOf } from './format.ts';

export function PublishModal({ detail, onClose }: { detail: FrameworkDetail; onClose: () => void }) {
  const t = useT();
  const publish = useFrameworkAction('publish');
  const invalid = validationOf(publish.error);
  return (
    <Modal
      open
      title={t('fw.publishTitle', { name: detail.name, n: detail.version })}
      okText={t('fw.publish')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      confirmLoading={publish.isPending}
      okButtonProps={{ disabled: !!invalid, 'data-testid': 'fw-publish-confirm' }}
      onOk={() =>
        publish.mutate(detail.id, {
          onSuccess: () => {
            notifySuccess(t('fw.published'));
            onClose();
          },
        })
      }
      width={680}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>{t('fw.publishExplain')}</Typography.Paragraph>
        {invalid && (
          <>
            <Alert type="error" showIcon title={t('fw.publishRefused')} data-testid="fw-publish-refused" />
            <ProblemList errors={invalid.errors} warnings={invalid.warnings} />
          </>
        )}
        {publish.error && !invalid && <Alert type="error" showIcon title={publish.error.message} />}
      </Space>
    </Modal>
  );
}
