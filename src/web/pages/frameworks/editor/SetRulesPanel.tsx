// The set-level rules the editor owns besides the tree: the evidence rule every item follows unless it
// sets its own (issue 13 §3; 000 Điều 8.4.a: evidence, or a written explanation where there is none).
import { Card, Select, Typography } from 'antd';
import type { EvidenceRule, FrameworkDefinition } from '../../../../core/framework/types.ts';
import { useT } from '../../../i18n/context.ts';

const RULES: EvidenceRule[] = ['required', 'evidence_or_explanation', 'none'];

export function SetRulesPanel({
  definition,
  editable,
  onChange,
}: {
  definition: FrameworkDefinition;
  editable: boolean;
  onChange: (rule: EvidenceRule | undefined) => void;
}) {
  const t = useT();
  return (
    <Card size="small" title={t('fw.setRules')} data-testid="fw-set-rules">
      <Typography.Text>{t('fw.setEvidenceRule')}</Typography.Text>
      <Select
        disabled={!editable}
        style={{ width: '100%', marginTop: 4 }}
        value={definition.evidenceRule ?? ''}
        data-testid="fw-set-evidenceRule"
        onChange={(v: string) => onChange(v === '' ? undefined : (v as EvidenceRule))}
        options={[
          { value: '', label: t('fw.setEvidenceRuleUnset') },
          ...RULES.map((v) => ({ value: v, label: t(`evidenceRule.${v}`) })),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('fw.setEvidenceRuleHelp')}
      </Typography.Paragraph>
    </Card>
  );
}
