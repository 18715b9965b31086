// Propose (support team) or appraise (council) one item: score, reason from the fixed list, comment; the
// council may also mark it not applicable (with a reason and an optional replacement indicator). Checked in
// the browser with checkDecision before sending; a 409 shows the other appraiser's value.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Select, Space } from 'antd';
import { REVIEW_REASONS, checkDecision } from '../../../core/appraisal/index.ts';
import type { DecisionProblem, ReviewReason } from '../../../core/appraisal/index.ts';
import { ApiError } from '../../api/client.ts';
import { useDecision } from '../../api/appraisal.ts';
import type { QueueRow, ReviewView } from '../../api/appraisalTypes.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';
import { decisionProblemText, reasonText } from '../../i18n/codes.ts';
import { DecimalInput } from '../frameworks/editor/DecimalInput.tsx';
import { ConflictNotice } from './ConflictNotice.tsx';

export interface KeyCommand {
  kind: 'accept' | 'save';
  seq: number;
}

interface Props {
  row: QueueRow;
  kind: 'propose' | 'appraise';
  command: KeyCommand | null;
  onReload: () => void;
  onSaved: () => void;
}

export function DecisionForm({ row, kind, command, onReload, onSaved }: Props) {
  const t = useT();
  const mutation = useDecision(kind);
  const start = kind === 'propose' ? row.proposedScore : row.finalScore;
  const [score, setScore] = useState<number | null>(start ?? row.proposedScore ?? row.selfScore);
  const [reason, setReason] = useState<ReviewReason | null>(null);
  const [comment, setComment] = useState('');
  const [na, setNa] = useState(row.notApplicable);
  const [replacement, setReplacement] = useState('');
  const [problems, setProblems] = useState<DecisionProblem[]>([]);
  const [conflict, setConflict] = useState<Partial<ReviewView> | null>(null);

  const problemsNow = (): DecisionProblem[] => {
    const c = comment.trim() || null;
    if (!na) return checkDecision({ score, reason, comment: c }, row.maxPoints, row.selfScore);
    if (replacement.trim()) return checkDecision({ score, reason: 'not_applicable', comment: c }, row.maxPoints, null);
    return checkDecision(
      { score: null, reason: 'not_applicable', comment: c, notApplicable: true },
      row.maxPoints,
      row.selfScore,
    );
  };

  const save = async () => {
    const found = problemsNow();
    setProblems(found);
    if (found.length > 0 || mutation.isPending) return;
    setConflict(null);
    try {
      await mutation.mutateAsync({
        assessmentId: row.assessmentId,
        code: row.code,
        body: {
          score: na && !replacement.trim() ? (null as unknown as number) : (score ?? 0),
          reason: na ? 'not_applicable' : (reason ?? undefined),
          comment: comment.trim() || undefined,
          ...(kind === 'appraise'
            ? { notApplicable: na, replacementCode: na && replacement.trim() ? replacement.trim() : undefined }
            : {}),
          version: row.version,
        },
      });
      notifySuccess(t('apr.saved', { code: row.code, unit: row.unit.name }));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT')
        setConflict((e.details?.['current'] as Partial<ReviewView> | undefined) ?? null);
      else if (e instanceof ApiError && Array.isArray(e.details?.['problems']))
        setProblems(e.details['problems'] as DecisionProblem[]);
      else
        setProblems([{ field: 'score', code: 'SCORE_MISSING', message: e instanceof Error ? e.message : String(e) }]);
    }
  };

  const seen = useRef(command?.seq);
  useEffect(() => {
    if (!command || command.seq === seen.current) return;
    seen.current = command.seq;
    if (command.kind === 'accept') {
      setScore(row.selfScore);
      setReason(null);
      setNa(false);
      setProblems([]);
    } else void save();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per key command
  }, [command?.seq]);

  const err = (field: DecisionProblem['field']) =>
    problems
      .filter((p) => p.field === field)
      .map((p) => decisionProblemText(t, p, na))
      .join(' ') || undefined;
  const departs =
    score === null || row.selfScore === null || Math.round(score * 100) !== Math.round(row.selfScore * 100);
  const tid = `apr-${kind}`;

  return (
    <Form layout="vertical" size="small" onFinish={() => void save()} data-testid={`${tid}-form`}>
      {kind === 'appraise' && (
        <Form.Item style={{ marginBottom: 8 }}>
          <Checkbox checked={na} onChange={(e) => setNa(e.target.checked)} data-testid={`${tid}-na`}>
            {t('apr.notApplicable')}
          </Checkbox>
        </Form.Item>
      )}
      {(!na || replacement.trim() !== '') && (
        <Form.Item
          label={kind === 'propose' ? t('apr.proposedScore') : t('apr.finalScore')}
          validateStatus={err('score') ? 'error' : undefined}
          help={err('score')}
          required
        >
          <Space>
            <DecimalInput
              value={score}
              step={0.25}
              onChange={(v) => setScore(v ?? null)}
              style={{ width: 120 }}
              data-testid={`${tid}-score`}
            />
            <Button
              size="small"
              onClick={() => {
                setScore(row.selfScore);
                setNa(false);
              }}
              data-testid={`${tid}-use-self`}
            >
              {t('apr.useSelf')}
            </Button>
          </Space>
        </Form.Item>
      )}
      {na && (
        <Form.Item label={t('apr.replacementCode')} extra={t('apr.replacementHelp')}>
          <Input
            value={replacement}
            onChange={(e) => setReplacement(e.target.value)}
            style={{ width: 160 }}
            data-testid={`${tid}-replacement`}
          />
        </Form.Item>
      )}
      {!na && (
        <Form.Item
          label={t('apr.reason')}
          required={departs}
          validateStatus={err('reason') ? 'error' : undefined}
          help={err('reason')}
        >
          <Select<ReviewReason>
            allowClear
            value={reason ?? undefined}
            onChange={(v) => setReason(v ?? null)}
            placeholder={t('apr.reasonPick')}
            options={REVIEW_REASONS.map((r) => ({ value: r, label: reasonText(t, r) }))}
            data-testid={`${tid}-reason`}
          />
        </Form.Item>
      )}
      <Form.Item
        label={na ? t('apr.naReason') : t('apr.comment')}
        required={departs || na}
        validateStatus={err('comment') ? 'error' : undefined}
        help={err('comment')}
      >
        <Input.TextArea
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
          data-testid={`${tid}-comment`}
        />
      </Form.Item>
      {conflict !== null || (mutation.error instanceof ApiError && mutation.error.code === 'VERSION_CONFLICT') ? (
        <ConflictNotice
          current={conflict}
          onReload={() => {
            setConflict(null);
            mutation.reset();
            onReload();
          }}
        />
      ) : null}
      {problems.length > 0 && !err('score') && !err('reason') && !err('comment') && (
        <Alert type="error" showIcon title={problems[0]!.message} />
      )}
      <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid={`${tid}-save`}>
        {kind === 'propose' ? t('apr.saveProposal') : t('apr.saveFinal')}
      </Button>
    </Form>
  );
}
