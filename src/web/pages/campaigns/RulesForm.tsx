// The campaign's name and rules, editable while draft: bands (code/label/minPercent), late rule, non-submission,
// not-applicable handling, whether reporters may submit, reminder days. Read-only once the campaign opens.
import { DEFAULT_UNIT_RESULT_RULES, UNIT_RESULT_VISIBILITIES } from '../../../core/appraisal/index.ts';
import { useEffect } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { type CampaignRules, classificationOf } from '../../../core/campaign/index.ts';
import { usePatchCampaign } from '../../api/campaigns.ts';
import type { Campaign } from '../../../contract/campaigns.ts';
import { useServerError } from '../../hooks/useServerError.ts';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../lib/dates.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';
import { RankingRulesFields } from './RankingRulesFields.tsx';
import { withBandCodes } from '../../lib/bandCodes.ts';

interface Values {
  name: string;
  rules: CampaignRules;
}

export function RulesForm({ c }: { c: Campaign }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const patch = usePatchCampaign();
  const server = useServerError(form);
  const editable = c.status === 'draft' && c.abilities.update;
  // A progress round is never classified, ranked or penalised for lateness (000 Điều 7.2): no such rules shown.
  const ranked = classificationOf(c.kind).ranked;
  // A campaign made before the rule existed shows the rule it follows (core's default).
  const rules = { ...c.rules, unitResults: c.rules.unitResults ?? DEFAULT_UNIT_RESULT_RULES };
  useEffect(() => form.setFieldsValue({ name: c.name, rules }), [c, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async (v: Values) => {
    server.clear();
    const reminders = (v.rules.reminderDaysBefore ?? []).map(Number).filter((n) => Number.isFinite(n) && n >= 0);
    // An emptied supplement deadline is removed from the rules (no deadline: until the council closes the group).
    // Likewise an emptied objection window: objections are then not offered (issue 14 §1).
    const {
      supplementDeadline: _old,
      objectionWindowDays: _days,
      objectionsFrom: _from,
      ...kept
    } = { ...c.rules, ...v.rules };
    const supplementDeadline = v.rules.supplementDeadline || undefined;
    const days = v.rules.objectionWindowDays ?? undefined;
    const objections = days ? { objectionWindowDays: days, objectionsFrom: v.rules.objectionsFrom ?? 'approval' } : {};
    try {
      await patch.mutateAsync({
        id: c.id,
        name: v.name,
        rowVersion: c.rowVersion,
        rules: {
          ...kept,
          ...(kept.bands ? { bands: withBandCodes(kept.bands) } : {}),
          reminderDaysBefore: reminders,
          ...(supplementDeadline ? { supplementDeadline } : {}),
          ...objections,
        },
      });
      notifySuccess(t('camp.saved'));
    } catch (e) {
      server.apply(e);
    }
  };

  return (
    <Card title={t('camp.settings')} size="small" data-testid="camp-rules">
      {editable && <Alert type="info" showIcon title={t('camp.editableDraft')} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        onFinish={(v) => void save(v)}
        initialValues={{ name: c.name, rules }}
      >
        <Form.Item name="name" label={t('camp.name')} rules={[{ required: true, message: t('camp.required') }]}>
          <Input data-testid="camp-name" />
        </Form.Item>
        {ranked ? (
          <RankingRulesFields editable={editable} />
        ) : (
          <Alert
            type="info"
            showIcon
            title={t('camp.progressRules')}
            style={{ marginBottom: 12 }}
            data-testid="camp-progress-rules"
          />
        )}
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name={['rules', 'notApplicable']} label={t('camp.notApplicable')}>
              <Radio.Group
                options={(['reduce_max', 'replacement'] as const).map((v) => ({
                  value: v,
                  label: t(`camp.notApplicable.${v}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name={['rules', 'reportersMaySubmit']}
              label={t('camp.reportersMaySubmit')}
              valuePropName="checked"
            >
              <Switch data-testid="camp-reporters-submit" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            {/* 001 II.3.b: units supplement their evidence during appraisal, until this day (Vietnam) if set. */}
            <Form.Item
              name={['rules', 'supplementDeadline']}
              label={t('camp.supplementDeadline')}
              extra={t('camp.supplementDeadlineHelp')}
              getValueProps={(v: string | undefined) => ({ value: fromApiDate(v) })}
              normalize={(d: Dayjs | null) => toApiDate(d) ?? undefined}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="camp-supplement-deadline" />
            </Form.Item>
          </Col>
          {ranked && (
            <>
              <Col xs={24} sm={12}>
                {/* Issue 14 §1: objections within n working days of the approval or publication; empty → none. */}
                <Form.Item
                  name={['rules', 'objectionWindowDays']}
                  label={t('camp.objectionWindowDays')}
                  extra={t('camp.objectionWindowDaysHelp')}
                >
                  <InputNumber min={1} max={60} style={{ width: '100%' }} data-testid="camp-objection-days" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name={['rules', 'objectionsFrom']} label={t('camp.objectionsFrom')}>
                  <Radio.Group
                    options={(['approval', 'publication'] as const).map((v) => ({
                      value: v,
                      label: t(`camp.objectionsFrom.${v}`),
                    }))}
                  />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} sm={12}>
            {/* Issue 14 §1: when the unit sees the council's scores, reasons and comments on its items. */}
            <Form.Item
              name={['rules', 'unitResults', 'visibility']}
              label={t('camp.unitResults')}
              extra={t('camp.unitResultsHelp')}
            >
              <Select
                options={UNIT_RESULT_VISIBILITIES.map((v) => ({ value: v, label: t(`camp.unitResults.${v}`) }))}
                data-testid="camp-unit-results"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name={['rules', 'unitResults', 'showProposed']}
              label={t('camp.unitResultsProposed')}
              valuePropName="checked"
            >
              <Switch data-testid="camp-unit-results-proposed" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['rules', 'reminderDaysBefore']} label={t('camp.reminders')}>
              <Select mode="tags" tokenSeparators={[',', ' ']} />
            </Form.Item>
          </Col>
        </Row>
        {server.error && <Alert type="error" showIcon title={server.error.message} style={{ marginBottom: 12 }} />}
        {editable && (
          <Button type="primary" htmlType="submit" loading={patch.isPending} data-testid="camp-save">
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
