// Save button of a draft with the unsaved-changes indicator and the save errors (version conflict with a
// reload option, validation problems, anything else).
import { Alert, Button, Popconfirm, Space, Tag } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/context.ts';
import { ProblemList } from './editor/ProblemList.tsx';
import { validationOf } from './format.ts';

interface Props {
  dirty: boolean;
  saving: boolean;
  error: unknown;
  onSave: () => void;
  onReload: () => void;
}

export function SaveStatus({ dirty, saving, error, onSave, onReload }: Props) {
  const t = useT();
  const conflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
  const invalid = validationOf(error);
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap>
        {dirty ? (
          <Tag color="orange" data-testid="fw-dirty">
            {t('fw.unsaved')}
          </Tag>
        ) : (
          <Tag color="green" data-testid="fw-clean">
            {t('fw.allSaved')}
          </Tag>
        )}
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={!dirty}
          loading={saving}
          onClick={onSave}
          data-testid="fw-save"
        >
          {t('fw.saveDraft')}
        </Button>
        {dirty && (
          <Popconfirm
            title={t('fw.discardConfirm')}
            onConfirm={onReload}
            okText={t('common.yes')}
            cancelText={t('common.no')}
          >
            <Button data-testid="fw-discard">{t('fw.discard')}</Button>
          </Popconfirm>
        )}
      </Space>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          data-testid="fw-conflict"
          title={t('fw.conflict')}
          description={t('fw.conflictHelp')}
          action={
            <Button onClick={onReload} data-testid="fw-conflict-reload">
              {t('unit.versionConflictReload')}
            </Button>
          }
        />
      )}
      {invalid && <ProblemList errors={invalid.errors} warnings={invalid.warnings} />}
      {error instanceof Error && !conflict && !invalid && (
        <Alert type="error" showIcon title={error.message} data-testid="fw-save-error" />
      )}
    </Space>
  );
}
