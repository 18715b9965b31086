// Extra actions of an open campaign: "Gửi nhắc nhở ngay" (the DX office) and "Nhập số liệu từ hệ thống
// khác" (suppliers); links to the appraisal workspace, its administration and the results.
import { useState } from 'react';
import { Button, Popconfirm, Space } from 'antd';
import { AuditOutlined, BellOutlined, CloudUploadOutlined, SettingOutlined, TrophyOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useSendReminders } from '../../api/campaigns.ts';
import type { Campaign } from '../../../contract/campaigns.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';
import { FiguresImportModal } from './FiguresImportModal.tsx';

const APPRAISING = new Set(['self_assessment_closed', 'under_appraisal', 'approved', 'published', 'archived']);

export function CampaignExtraActions({ c }: { c: Campaign }) {
  const t = useT();
  const reminders = useSendReminders();
  const [figuresOpen, setFiguresOpen] = useState(false);
  const open = c.status === 'open';
  const send = async () => {
    try {
      const r = await reminders.mutateAsync(c.id);
      notifySuccess(t('camp.remindersQueued', { n: r.queued }));
    } catch (e) {
      notifyError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Space wrap>
      {open && c.abilities.transition && (
        <Popconfirm
          title={t('camp.remindersConfirm')}
          onConfirm={() => void send()}
          okButtonProps={{
            loading: reminders.isPending,
            ...({ 'data-testid': 'camp-reminders-confirm' } as Record<string, string>),
          }}
        >
          <Button icon={<BellOutlined />} data-testid="camp-reminders">
            {t('camp.remindNow')}
          </Button>
        </Popconfirm>
      )}
      {open && c.abilities.supplyFigures && (
        <Button icon={<CloudUploadOutlined />} onClick={() => setFiguresOpen(true)} data-testid="camp-figures">
          {t('fig.title')}
        </Button>
      )}
      {APPRAISING.has(c.status) && (
        <>
          <Link to={`/campaigns/${c.id}/appraisal`}>
            <Button icon={<AuditOutlined />} data-testid="camp-appraisal">
              {t('apr.workspace')}
            </Button>
          </Link>
          <Link to={`/campaigns/${c.id}/appraisal-admin`}>
            <Button icon={<SettingOutlined />} data-testid="camp-appraisal-admin">
              {t('adm.title')}
            </Button>
          </Link>
        </>
      )}
      {c.status !== 'draft' && c.status !== 'open' && (
        <Link to={`/campaigns/${c.id}/results`}>
          <Button icon={<TrophyOutlined />} data-testid="camp-results">
            {t('res.title')}
          </Button>
        </Link>
      )}
      {c.abilities.supplyFigures && (
        <FiguresImportModal campaignId={c.id} open={figuresOpen} onClose={() => setFiguresOpen(false)} />
      )}
    </Space>
  );
}
