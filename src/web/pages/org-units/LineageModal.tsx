// Record a merger, split or rename on a unit (issue 15 §2), with its legal basis and effective date. The
// server checks it (no cycle, no duplicate, dates) and answers with codes and parameters, worded here
// (lineage.problem.*); the predecessors still active on the effective date end the day before.
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { OrgUnit } from '../../../contract/org-units.ts';
import { ApiError } from '../../api/client.ts';
import { type LineageChangeBody, useRecordLineage } from '../../api/orgUnits.ts';
import { UnitTreeSelect } from '../../components/UnitTreeSelect.tsx';
import { useServerError } from '../../hooks/useServerError.ts';
import type { MessageKey } from '../../i18n/vi.ts';
import { DATE_FORMAT, showDate, toApiDate } from '../../lib/dates.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';

type Kind = LineageChangeBody['kind'];

interface Values {
  kind: Kind;
  others: string | string[] | null;
  effectiveDate: Dayjs | null;
  legalBasis: string;
  legalBasisDate: Dayjs | null;
  note?: string;
}

/** The problems of a 422 LINEAGE_INVALID in words; dates shown dd/mm/yyyy. */
function problemTexts(e: unknown, t: ReturnType<typeof useT>): string[] {
  if (!(e instanceof ApiError) || e.code !== 'LINEAGE_INVALID') return [];
  const list = e.details?.['lineageProblems'];
  if (!Array.isArray(list)) return [];
  return (list as { code: string; params: Record<string, string | number> }[]).map((p) => {
    const params = Object.fromEntries(
      Object.entries(p.params).map(([k, v]) => [k, /date|activeFrom/i.test(k) ? showDate(String(v)) : v]),
    );
    if (p.code === 'LINEAGE_SHAPE') params['kind'] = t(`lineage.kind.${String(p.params['kind'])}` as MessageKey);
    return t(`lineage.problem.${p.code}` as MessageKey, params);
  });
}

export function LineageModal({ unit, onClose }: { unit: OrgUnit; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const record = useRecordLineage();
  const server = useServerError(form);
  const kind = Form.useWatch('kind', form) ?? 'merger';
  const problems = problemTexts(server.error, t);

  const onFinish = (v: Values) => {
    server.clear();
    const others = Array.isArray(v.others) ? v.others : v.others ? [v.others] : [];
    record.mutate(
      {
        kind: v.kind,
        unitId: unit.id,
        otherIds: others,
        effectiveDate: toApiDate(v.effectiveDate)!,
        legalBasis: v.legalBasis.trim(),
        legalBasisDate: toApiDate(v.legalBasisDate)!,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      },
      {
        onSuccess: (r) => {
          notifySuccess(t('lineage.saved', { ended: r.ended.length }));
          onClose();
        },
        onError: server.apply,
      },
    );
  };

  return (
    <Modal
      open
      title={t('lineage.title')}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          htmlType="submit"
          form="lineage-form"
          loading={record.isPending}
          data-testid="lineage-submit"
        >
          {t('lineage.record')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{unit.code}</Typography.Text> — {unit.name}
      </Typography.Paragraph>
      {server.error &&
        (problems.length ? (
          <Alert
            type="error"
            showIcon
            title={t('lineage.refused')}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="lineage-problems">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
            style={{ marginBottom: 16 }}
          />
        ) : (
          <Alert type="error" showIcon title={server.error.message} style={{ marginBottom: 16 }} />
        ))}
      <Form<Values>
        id="lineage-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ kind: 'merger', others: null }}
      >
        <Form.Item name="kind" label={t('lineage.kind')}>
          <Radio.Group
            onChange={() => form.setFieldValue('others', null)}
            options={(['merger', 'split', 'rename'] as const).map((k) => ({
              value: k,
              label: t(`lineage.kind.${k}`),
            }))}
            data-testid="lineage-kind"
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t(`lineage.help.${kind}`)}</Typography.Paragraph>
        <Form.Item
          name="others"
          label={t(kind === 'split' ? 'lineage.successors' : 'lineage.predecessors')}
          rules={[{ required: true, message: t('lineage.othersRequired') }]}
        >
          <UnitTreeSelect multiple={kind !== 'rename'} excludeSubtreeOf={unit.id} testId="lineage-others" />
        </Form.Item>
        <Form.Item
          name="effectiveDate"
          label={t('lineage.effectiveDate')}
          rules={[{ required: true, message: t('lineage.dateRequired') }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="lineage-effective" />
        </Form.Item>
        <Form.Item
          name="legalBasis"
          label={t('lineage.legalBasis')}
          extra={t('lineage.legalBasisHelp')}
          rules={[{ required: true, whitespace: true, message: t('lineage.legalBasisRequired') }]}
        >
          <Input maxLength={300} data-testid="lineage-basis" />
        </Form.Item>
        <Form.Item
          name="legalBasisDate"
          label={t('lineage.legalBasisDate')}
          rules={[{ required: true, message: t('lineage.dateRequired') }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="lineage-basis-date" />
        </Form.Item>
        <Form.Item name="note" label={t('lineage.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
