// The rules that only a ranked campaign has (000 Điều 9; 004 II.2.a): bands, the late-submission penalty,
// ranking by points or percent and the tie-break, and non-submission. A progress round shows none of them.
import { RESULT_SCALES } from '../../../core/results/scale.ts';
import { Button, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/context.ts';

export function RankingRulesFields({ editable }: { editable: boolean }) {
  const t = useT();
  return (
    <>
      <Form.Item label={t('camp.bands')}>
        <Form.List name={['rules', 'bands']}>
          {(fields, { add, remove }) => (
            <>
              <Row gutter={8} style={{ fontWeight: 500, marginBottom: 4 }}>
                <Col span={14}>{t('camp.bandLabel')}</Col>
                <Col span={8}>{t('camp.bandMin')}</Col>
              </Row>
              {fields.map((f) => (
                <Row gutter={8} key={f.key} data-testid="camp-band">
                  {/* The band's code is internal (issue 14 §6): kept as it was, made from the label when new. */}
                  <Form.Item name={[f.name, 'code']} hidden>
                    <Input />
                  </Form.Item>
                  <Col span={14}>
                    <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: t('camp.required') }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={[f.name, 'minPercent']} rules={[{ required: true, message: t('camp.required') }]}>
                      <InputNumber style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={2} style={{ paddingTop: 6 }}>
                    {editable && fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Col>
                </Row>
              ))}
              {editable && (
                <Button
                  type="dashed"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add({ code: '', label: '', minPercent: 0 })}
                >
                  {t('camp.addBand')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name={['rules', 'lateSubmission', 'toleranceDays']} label={t('camp.toleranceDays')}>
            <InputNumber style={{ width: '100%' }} data-testid="camp-tolerance" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={['rules', 'lateSubmission', 'penaltyPoints']} label={t('camp.penaltyPoints')}>
            <InputNumber style={{ width: '100%' }} data-testid="camp-penalty" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={['rules', 'lateSubmission', 'beyondTolerance']} label={t('camp.beyond')}>
            <Select
              options={(['lowest_band', 'refuse'] as const).map((v) => ({ value: v, label: t(`camp.beyond.${v}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={['rules', 'rankBy']} label={t('camp.rankBy')} extra={t('camp.rankByHelp')}>
            <Radio.Group
              options={(['points', 'percent'] as const).map((v) => ({ value: v, label: t(`camp.rankBy.${v}`) }))}
              data-testid="camp-rank-by"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={['rules', 'resultScale']} label={t('camp.resultScale')} extra={t('camp.resultScaleHelp')}>
            <Radio.Group
              options={RESULT_SCALES.map((v) => ({ value: v, label: t(`camp.resultScale.${v}`) }))}
              data-testid="camp-result-scale"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={['rules', 'tieBreak']} label={t('camp.tieBreak')} extra={t('camp.tieBreakHelp')}>
            <Select
              mode="tags"
              tokenSeparators={[',', ' ']}
              open={false}
              placeholder={t('camp.tieBreakPlaceholder')}
              data-testid="camp-tie-break"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={['rules', 'nonSubmission']} label={t('camp.nonSubmission')}>
            <Radio.Group
              options={(['lowest_band', 'zero'] as const).map((v) => ({
                value: v,
                label: t(`camp.nonSubmission.${v}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
