// Which evidence an item asks for (issue 13 §3; 000 Điều 8.4.a: "bắt buộc phải có các tài liệu kiểm
// chứng … Đối với các chỉ số … không có tài liệu kiểm chứng hoặc tài liệu kiểm chứng chưa thể hiện hết
// nội dung …, cơ quan, đơn vị phải có giải thích cụ thể bằng văn bản"; 004 II.2.b). The item's own rule
// wins; then the set's (the decision's); then the older per-item flag evidenceRequired; otherwise evidence
// or a written explanation, as 8.4.a says.
import type { EvidenceRule, FrameworkNode } from './types.ts';

export function evidenceRuleOf(
  node: Pick<FrameworkNode, 'evidenceRule' | 'evidenceRequired'>,
  setRule?: EvidenceRule,
): EvidenceRule {
  return node.evidenceRule ?? setRule ?? (node.evidenceRequired ? 'required' : 'evidence_or_explanation');
}

export const EVIDENCE_RULE_LABELS: Record<EvidenceRule, string> = {
  required: 'Bắt buộc có tài liệu kiểm chứng',
  evidence_or_explanation: 'Có tài liệu kiểm chứng hoặc giải trình bằng văn bản',
  none: 'Không yêu cầu tài liệu kiểm chứng',
};
