// Actions on a version, each shown only when the server's abilities allow it: publish (with a confirm
// dialog), create a new version, archive, delete a draft, export, version history. Archiving a version a
// running campaign uses is shown disabled, naming the campaigns, so the writer knows why.
import { useState } from 'react';
import { Button, Dropdown, Popconfirm, Space, Tooltip } from 'antd';
import {
  BranchesOutlined,
  CheckCircleOutlined,
  DeleteOutlined,
  DownloadOutlined,
  HistoryOutlined,
  InboxOutlined,
} from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { FrameworkDetail } from '../../../contract/frameworks.ts';
import { useDeleteFramework, useFrameworkAction } from '../../api/frameworks.ts';
import { downloadFile } from '../../api/client.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';
import { PublishModal } from './PublishModal.tsx';
import { VersionHistoryDrawer } from './VersionHistoryDrawer.tsx';

export function FrameworkActions({ detail, dirty }: { detail: FrameworkDetail; dirty: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'publish' | 'history' | null>(null);
  const createVersion = useFrameworkAction('versions');
  const archive = useFrameworkAction('archive');
  const remove = useDeleteFramework();
  const a = detail.abilities;

  const exportAs = (format: 'xlsx' | 'yaml' | 'json') => {
    downloadFile(
      `/frameworks/${encodeURIComponent(detail.id)}/export?format=${format}`,
      `${detail.code}-v${detail.version}.${format}`,
    ).catch((e: unknown) => notifyError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <Space wrap>
      {a.publish && (
        <Tooltip title={dirty ? t('fw.saveBeforePublish') : undefined}>
          <Button
            type="primary"
            ghost
            icon={<CheckCircleOutlined />}
            disabled={dirty}
            onClick={() => setDialog('publish')}
            data-testid="fw-publish"
          >
            {t('fw.publish')}
          </Button>
        </Tooltip>
      )}
      {a.createVersion && (
        <Popconfirm
          title={t('fw.createVersionConfirm')}
          description={
            <div style={{ maxWidth: 420 }} data-testid="fw-create-version-effect">
              <div>
                {t('fw.createVersionEffect', { next: detail.version + 1, code: detail.code, version: detail.version })}
              </div>
              {detail.inUseBy.length > 0 && (
                <div>
                  {t('fw.createVersionInUse', {
                    version: detail.version,
                    campaigns: detail.inUseBy.map((c) => `"${c.name}"`).join(', '),
                  })}
                </div>
              )}
            </div>
          }
          okText={t('common.yes')}
          cancelText={t('common.no')}
          okButtonProps={{ ...({ 'data-testid': 'fw-create-version-confirm' } as Record<string, string>) }}
          onConfirm={() =>
            createVersion.mutate(detail.id, {
              onSuccess: (f) => {
                notifySuccess(t('fw.versionCreated', { n: f.version }));
                navigate(`/frameworks/${encodeURIComponent(f.id)}`);
              },
              onError: (e) => notifyError(e.message),
            })
          }
        >
          <Button icon={<BranchesOutlined />} loading={createVersion.isPending} data-testid="fw-create-version">
            {t('fw.createVersion')}
          </Button>
        </Popconfirm>
      )}
      {a.archive && (
        <Popconfirm
          title={t('fw.archiveConfirm')}
          okText={t('common.yes')}
          cancelText={t('common.no')}
          onConfirm={() =>
            archive.mutate(detail.id, {
              onSuccess: () => notifySuccess(t('fw.archived')),
              onError: (e) => notifyError(e.message),
            })
          }
        >
          <Button icon={<InboxOutlined />} loading={archive.isPending} data-testid="fw-archive">
            {t('fw.archive')}
          </Button>
        </Popconfirm>
      )}
      {!a.archive && detail.status === 'published' && detail.inUseBy.length > 0 && (
        <Tooltip title={t('fw.archiveInUse', { campaigns: detail.inUseBy.map((c) => `"${c.name}"`).join(', ') })}>
          <Button icon={<InboxOutlined />} disabled data-testid="fw-archive-in-use">
            {t('fw.archive')}
          </Button>
        </Tooltip>
      )}
      {a.delete && (
        <Popconfirm
          title={t('fw.deleteConfirm')}
          okText={t('common.yes')}
          cancelText={t('common.no')}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove.mutate(detail.id, { onSuccess: () => navigate('/frameworks') })}
        >
          <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="fw-delete">
            {t('fw.deleteDraft')}
          </Button>
        </Popconfirm>
      )}
      <Dropdown
        menu={{
          items: [
            { key: 'xlsx', label: t('fw.exportXlsx') },
            { key: 'yaml', label: t('fw.exportYaml') },
            { key: 'json', label: t('fw.exportJson') },
          ],
          onClick: ({ key }) => exportAs(key as 'xlsx' | 'yaml' | 'json'),
        }}
      >
        <Button icon={<DownloadOutlined />} data-testid="fw-export">
          {t('fw.export')}
        </Button>
      </Dropdown>
      <Button icon={<HistoryOutlined />} onClick={() => setDialog('history')} data-testid="fw-history">
        {t('fw.history')}
      </Button>
      {dialog === 'publish' && <PublishModal detail={detail} onClose={() => setDialog(null)} />}
      {dialog === 'history' && <VersionHistoryDrawer detail={detail} onClose={() => setDialog(null)} />}
    </Space>
  );
}
