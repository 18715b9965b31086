// Informational fields (thông tin chung): collected, not scored, used by some formulas. Changes apply to the
// live scores at once and are saved ~600 ms later (PUT /assessments/{id}/info with the row version; on a
// version conflict the fresh row version is fetched and the values sent again).
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Row, Tag, Typography } from 'antd';
import type { InfoField } from '../../../core/framework/index.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/client.ts';
import { saveInfo } from '../../api/assessments.ts';
import type { Assessment } from '../../../contract/assessments.ts';
import { DecimalInput } from '../frameworks/editor/DecimalInput.tsx';
import { useT } from '../../i18n/context.ts';

type Values = Record<string, number | null>;

interface Props {
  assessmentId: string;
  fields: InfoField[];
  initial: Values;
  rowVersion: number;
  editable: boolean;
  phone: boolean;
  onChange: (values: Values) => void;
  onSaved: () => void;
}

export function InfoFieldsForm({
  assessmentId,
  fields,
  initial,
  rowVersion,
  editable,
  phone,
  onChange,
  onSaved,
}: Props) {
  const t = useT();
  const [values, setValues] = useState<Values>(initial);
  const [state, setState] = useState<'saved' | 'pending' | 'saving' | 'error'>('saved');
  const [error, setError] = useState<string | null>(null);
  const version = useRef(rowVersion);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(values);

  const send = async (retried = false): Promise<void> => {
    setState('saving');
    try {
      const a = await saveInfo(assessmentId, latest.current, version.current);
      version.current = a.rowVersion;
      setState('saved');
      setError(null);
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT' && !retried) {
        const fresh = await api<Assessment>(`/assessments/${encodeURIComponent(assessmentId)}`).catch(() => null);
        if (fresh) {
          version.current = fresh.rowVersion;
          return send(true);
        }
      }
      setState('error');
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const change = (key: string, v: number | null) => {
    const next = { ...latest.current, [key]: v };
    latest.current = next;
    setValues(next);
    onChange(next);
    if (timer.current) clearTimeout(timer.current);
    const field = fields.find((f) => f.key === key);
    if (v !== null && v < 0) {
      // Refused before saving; the server refuses it too (never clamped to 0).
      setState('error');
      setError(t('as.infoNegative', { label: field?.label ?? key, value: String(v).replace('.', ',') }));
      return;
    }
    setState('pending');
    timer.current = setTimeout(() => void send(), 600);
  };

  if (fields.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('as.info')}
      data-testid="as-info"
      extra={
        state === 'saving' ? (
          <Tag>{t('as.save.saving')}</Tag>
        ) : state === 'error' ? (
          <Button size="small" danger onClick={() => void send()}>
            {t('as.save.error')}
          </Button>
        ) : state === 'pending' ? (
          <Tag>{t('as.save.pending')}</Tag>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('as.infoHelp')}
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {fields.map((f) => (
          <Col key={f.key} xs={24} sm={12} lg={8}>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
              {f.label}
              {f.unit ? ` (${f.unit})` : ''}
            </Typography.Text>
            <DecimalInput
              style={{ width: '100%' }}
              size={phone ? 'large' : 'middle'}
              inputMode="decimal"
              disabled={!editable}
              value={values[f.key] ?? null}
              onChange={(v) => change(f.key, v ?? null)}
              data-testid={`as-info-${f.key}`}
            />
          </Col>
        ))}
      </Row>
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={error} />}
    </Card>
  );
}
