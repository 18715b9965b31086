// The published campaign rules in plain Vietnamese: bands, late and missing submissions, items not applicable.
import { formatNumberVi } from '../../../core/text/vietnamese.ts';
import { BandBadge } from '../components/BandBadge.tsx';
import type { PublicRules } from '../types.ts';

export function RulesList({ rules }: { rules: PublicRules }) {
  const late = rules.lateSubmission;
  return (
    <section aria-labelledby="rules-h" className="card" data-testid="portal-rules">
      <h2 id="rules-h">Quy tắc xếp loại</h2>
      <ul>
        {rules.bands.map((b) => (
          <li key={b.code}>
            <BandBadge band={b} /> từ {formatNumberVi(b.minPercent)}% tổng điểm tối đa áp dụng trở lên
          </li>
        ))}
      </ul>
      <ul>
        <li>
          Nộp báo cáo muộn trong {late.toleranceDays} ngày: trừ {formatNumberVi(late.penaltyPoints)} điểm; muộn hơn:{' '}
          {late.beyondTolerance === 'refuse' ? 'không tiếp nhận' : 'xếp loại thấp nhất'}.
        </li>
        <li>Không nộp báo cáo: {rules.nonSubmission === 'zero' ? 'tính 0 điểm' : 'xếp loại thấp nhất'}.</li>
        <li>
          Chỉ số không áp dụng: {rules.notApplicable === 'replacement' ? 'chấm bằng chỉ số thay thế' : 'không tính vào tổng điểm tối đa'}.
        </li>
        {rules.ranking && <li data-testid="portal-ranking-rule">{rules.ranking}</li>}
      </ul>
      {rules.citations && rules.citations.length > 0 && <p className="muted">Căn cứ: {rules.citations.join('; ')}.</p>}
      {rules.notes && <p>{rules.notes}</p>}
    </section>
  );
}
