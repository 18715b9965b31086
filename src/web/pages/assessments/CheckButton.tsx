// "Kiểm tra trước khi nộp" (issue 13 §6): the reporter and the leader run the server's submission check
// at any time — saving what is pending first — and see every problem (each links to its item) and what
// sending today would mean (campaign closed, lateness, who sends). Nothing is submitted.
import { useState } from 'react';
import { Alert, Button, List, Modal, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import type { SubmissionCheck } from '../../../contract/assessments.ts';
import { useT } from '../../i18n/context.ts';
import { useCodeWords } from '../../i18n/codes.ts';
import type { AutosaveStore } from './autosave/store.ts';

interface Props {
  assessmentId: string;
  canEdit: boolean;
  store: AutosaveStore;
  phone: boolean;
  onGoTo: (code: string) => void;
}

export function CheckButton({ assessmentId, canEdit, store, phone, onGoTo }: Props) {
  const t = useT();
  const words = useCodeWords();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SubmissionCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unsaved, setUnsaved] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setUnsaved(!(await store.flushAll()));
      setResult(await api<SubmissionCheck>(`/assessments/${encodeURIComponent(assessmentId)}/check`));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (!canEdit) return null;
  return (
    <>
      <Button
        size={phone ? 'large' : 'middle'}
        icon={<CheckCircleOutlined />}
        loading={busy}
        onClick={() => void run()}
        data-testid="as-check"
      >
        {t('as.check')}
      </Button>
      {error && <Alert type="error" showIcon closable title={error} style={{ marginTop: 8 }} />}
      <Modal
        open={result !== null}
        title={
          result?.ready
            ? t('as.checkReady')
            : t('as.checkTitle', {
                n: (result?.problems.length ?? 0) + (result?.notices.filter((n) => n.level === 'blocking').length ?? 0),
              })
        }
        onCancel={() => setResult(null)}
        footer={<Button onClick={() => setResult(null)}>{t('common.close')}</Button>}
        width={720}
      >
        {unsaved && <Alert type="warning" showIcon title={t('as.checkUnsaved')} style={{ marginBottom: 8 }} />}
        {result?.notices.map((n) => (
          <Alert
            key={n.code}
            type={n.level === 'blocking' ? 'error' : 'info'}
            showIcon
            title={words.notice(n)}
            style={{ marginBottom: 8 }}
            data-testid={`as-check-notice-${n.code}`}
          />
        ))}
        {result && result.problems.length > 0 && (
          <>
            <Typography.Paragraph type="secondary">{t('as.problemsHelp')}</Typography.Paragraph>
            <List
              size="small"
              data-testid="as-check-problems"
              dataSource={result.problems}
              renderItem={(p, i) => (
                <List.Item key={`${p.code}-${i}`}>
                  <Button
                    type="link"
                    style={{ whiteSpace: 'normal', textAlign: 'start', height: 'auto', padding: 0 }}
                    onClick={() => {
                      setResult(null);
                      onGoTo(p.code);
                    }}
                    data-testid={`as-check-problem-${p.code}`}
                  >
                    {p.code}
                    {p.title ? `. ${p.title}` : ''}
                  </Button>
                  <Typography.Text type="secondary" style={{ display: 'block' }} data-testid="as-check-problem-text">
                    {words.problem(p)}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </>
        )}
        {result?.ready && (
          <Typography.Paragraph data-testid="as-check-ready">{t('as.checkReadyHelp')}</Typography.Paragraph>
        )}
      </Modal>
    </>
  );
}
