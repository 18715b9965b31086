// Edit one group while draft: index set (published versions), reporting period, phase deadlines, appraiser and
// participating units (members of the unit group; empty = all of them).
import { Alert, Col, DatePicker, Form, Modal, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useSaveCampaignGroup } from '../../api/campaigns.ts';
import type { Campaign, CampaignGroup } from '../../../contract/campaigns.ts';
import { useFrameworks } from '../../api/frameworks.ts';
import { useUnitGroup } from '../../api/unitGroups.ts';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../lib/dates.ts';
import { useServerError } from '../../hooks/useServerError.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';
import { accentInsensitiveSearch } from '../../lib/searchSelect.ts';

interface Values {
  frameworkId: string;
  period: [Dayjs, Dayjs];
  selfAssessment: Dayjs;
  preReview?: Dayjs | null;
  appraisal?: Dayjs | null;
  publication?: Dayjs | null;
  appraiser: 'council' | 'parent_unit';
  unitIds?: string[];
}

export function GroupEditModal({ c, g, onClose }: { c: Campaign; g: CampaignGroup; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const save = useSaveCampaignGroup();
  const server = useServerError(form);
  const frameworks = useFrameworks({ q: '', status: 'published', latest: false, page: 1, pageSize: 200 });
  const members = useUnitGroup(g.unitGroupId);
  const d = g.deadlines;

  const submit = async (v: Values) => {
    server.clear();
    try {
      await save.mutateAsync({
        id: c.id,
        groupId: g.id,
        patch: {
          frameworkId: v.frameworkId,
          reportingPeriod: { from: toApiDate(v.period[0])!, to: toApiDate(v.period[1])! },
          deadlines: {
            selfAssessment: toApiDate(v.selfAssessment)!,
            preReview: toApiDate(v.preReview) ?? undefined,
            appraisal: toApiDate(v.appraisal) ?? undefined,
            publication: toApiDate(v.publication) ?? undefined,
          },
          appraiser: v.appraiser,
          unitIds: v.unitIds && v.unitIds.length > 0 ? v.unitIds : undefined,
        },
      });
      notifySuccess(t('camp.saved'));
      onClose();
    } catch (e) {
      server.apply(e);
    }
  };

  const date = (name: keyof Values, label: string, required = false) => (
    <Col xs={12} sm={6}>
      <Form.Item name={name} label={label} rules={required ? [{ required: true, message: t('camp.required') }] : []}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <Modal
      open
      title={t('camp.editGroup', { name: g.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={760}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          frameworkId: g.frameworkId,
          period: [fromApiDate(g.reportingPeriod.from), fromApiDate(g.reportingPeriod.to)],
          selfAssessment: fromApiDate(d.selfAssessment),
          preReview: fromApiDate(d.preReview),
          appraisal: fromApiDate(d.appraisal),
          publication: fromApiDate(d.publication),
          appraiser: g.appraiser,
          // The campaign answer does not list a group's units (only unitCount): empty keeps them as they are.
          unitIds: [],
        }}
      >
        <Form.Item
          name="frameworkId"
          label={t('camp.frameworkPublished')}
          rules={[{ required: true, message: t('camp.required') }]}
        >
          <Select
            showSearch={accentInsensitiveSearch}
            loading={frameworks.isLoading}
            options={[
              ...(frameworks.data?.items.some((f) => f.id === g.frameworkId)
                ? []
                : [{ value: g.frameworkId, label: `${g.frameworkName} — v${g.frameworkVersion}` }]),
              ...(frameworks.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.name} — v${f.version}` })),
            ]}
          />
        </Form.Item>
        <Form.Item name="period" label={t('camp.period')} rules={[{ required: true, message: t('camp.required') }]}>
          <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Row gutter={8}>
          {date('selfAssessment', t('camp.deadline.selfAssessment'), true)}
          {date('preReview', t('camp.deadline.preReview'))}
          {date('appraisal', t('camp.deadline.appraisal'))}
          {date('publication', t('camp.deadline.publication'))}
        </Row>
        <Form.Item name="appraiser" label={t('camp.appraiser')}>
          <Radio.Group
            options={(['council', 'parent_unit'] as const).map((v) => ({ value: v, label: t(`camp.appraiser.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="unitIds" label={t('camp.participants')} extra={t('camp.participantsHelp')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={accentInsensitiveSearch}
            loading={members.isLoading}
            maxTagCount="responsive"
            options={(members.data?.members ?? []).map((u) => ({ value: u.id, label: `${u.code} — ${u.name}` }))}
          />
        </Form.Item>
      </Form>
      {server.error && <Alert type="error" showIcon title={server.error.message} />}
    </Modal>
  );
}
