// Submit (abilities.submit) with a confirm dialog: pending saves are flushed first; 422 SUBMISSION_INCOMPLETE
// lists every problem item with a link that scrolls to it; 409 SUBMISSION_REFUSED shows the server's message.
import { useState } from 'react';
import { Alert, Button, List, Modal, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.ts';
import { useSubmitAssessment, withSubmission } from '../../api/assessments.ts';
import type { Assessment, SubmissionProblemView } from '../../../contract/assessments.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';
import { useCodeWords } from '../../i18n/codes.ts';
import type { AutosaveStore } from './autosave/store.ts';

interface Props {
  a: Assessment;
  store: AutosaveStore;
  phone: boolean;
  onSubmitted: (a: Assessment) => void;
  onGoTo: (code: string) => void;
}

export function SubmitButton({ a, store, phone, onSubmitted, onGoTo }: Props) {
  const t = useT();
  const words = useCodeWords();
  const submit = useSubmitAssessment(a.id);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<SubmissionProblemView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    setProblems(null);
    try {
      if (!(await store.flushAll())) {
        setError(t('as.submitUnsaved'));
        return;
      }
      const done = await submit.mutateAsync();
      setOpen(false);
      notifySuccess(t('as.submitted'));
      onSubmitted(withSubmission(a, done));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'SUBMISSION_INCOMPLETE') {
        const list = e.details?.['problems'];
        setProblems(Array.isArray(list) ? (list as SubmissionProblemView[]) : []);
        setOpen(false);
      } else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (!a.abilities.submit || a.status === 'submitted') return null;
  return (
    <>
      <Button
        type="primary"
        size={phone ? 'large' : 'middle'}
        icon={<SendOutlined />}
        onClick={() => setOpen(true)}
        data-testid="as-submit"
      >
        {t('as.submit')}
      </Button>
      <Modal
        open={open}
        title={t('as.submitConfirm', { unit: a.unit.name })}
        onCancel={() => setOpen(false)}
        onOk={() => void run()}
        okText={t('as.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{ ...({ 'data-testid': 'as-submit-confirm' } as Record<string, string>) }}
      >
        <Typography.Paragraph>{t('as.submitHelp')}</Typography.Paragraph>
        {busy && <Typography.Text type="secondary">{t('as.submitWaitSave')}</Typography.Text>}
        {error && <Alert type="error" showIcon title={error} data-testid="as-submit-error" />}
      </Modal>
      {!open && error && (
        <Alert type="error" showIcon closable title={error} data-testid="as-submit-refused" style={{ marginTop: 8 }} />
      )}
      <Modal
        open={problems !== null}
        title={t('as.problemsTitle', { n: problems?.length ?? 0 })}
        onCancel={() => setProblems(null)}
        footer={<Button onClick={() => setProblems(null)}>{t('common.close')}</Button>}
        width={720}
      >
        <Typography.Paragraph type="secondary">{t('as.problemsHelp')}</Typography.Paragraph>
        <List
          size="small"
          data-testid="as-problems"
          dataSource={problems ?? []}
          renderItem={(p, i) => (
            <List.Item key={`${p.code}-${i}`}>
              <Button
                type="link"
                style={{ whiteSpace: 'normal', textAlign: 'start', height: 'auto', padding: 0 }}
                onClick={() => {
                  setProblems(null);
                  onGoTo(p.code);
                }}
                data-testid={`as-problem-${p.code}`}
              >
                {p.code}
                {p.title ? `. ${p.title}` : ''}
              </Button>
              <Typography.Text type="secondary" style={{ display: 'block' }} data-testid="as-problem-text">
                {words.problem(p)}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Modal>
    </>
  );
}
