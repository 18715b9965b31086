// The published campaign rules in plain Vietnamese: bands, late and missing submissions, items not applicable.
import { bandRangeVi } from '../../../core/results/band-range-vi.ts';
import { describeScaleVi } from '../../../core/results/scale.ts';
import { formatNumberVi } from '../../../core/text/vietnamese.ts';
import { BandBadge } from '../components/BandBadge.tsx';
import type { PublicRules } from '../../../contract/public.ts';

/** `basis`: the decisions the rules come from ("Quyết định số … ngày … của …"), named before the articles cited. */
/** What the list reads of the published rules (the ranking sentence is shown when there is one). */
export type RulesShown = Omit<PublicRules, 'rankBy' | 'tieBreak' | 'ranking' | 'resultScale'> &
  Partial<Pick<PublicRules, 'ranking' | 'resultScale'>>;

export function RulesList({ rules, basis = [] }: { rules: RulesShown; basis?: readonly string[] }) {
  const late = rules.lateSubmission;
  // A progress report is never classified, ranked or penalised (000 Điều 7.2): its one rule is said instead.
  if (rules.publishedAs === 'progress_report')
    return (
      <section aria-labelledby="rules-h" className="card" data-testid="portal-rules">
        <h2 id="rules-h">Quy tắc báo cáo tiến độ</h2>
        <ul>
          {rules.ranking && <li data-testid="portal-ranking-rule">{rules.ranking}</li>}
          <li>
            Chỉ số không áp dụng:{' '}
            {rules.notApplicable === 'replacement' ? 'chấm bằng chỉ số thay thế' : 'không tính vào tổng điểm tối đa'}.
          </li>
        </ul>
        {rules.notes && <p>{rules.notes}</p>}
      </section>
    );
  return (
    <section aria-labelledby="rules-h" className="card" data-testid="portal-rules">
      <h2 id="rules-h">Quy tắc xếp loại</h2>
      <ul>
        {rules.bands.map((b) => {
          const range = bandRangeVi(rules.bands, b.code)!;
          return (
            <li key={b.code}>
              <BandBadge band={b} /> {range} tổng điểm tối đa áp dụng{range.startsWith('từ') ? ' trở lên' : ''}
            </li>
          );
        })}
      </ul>
      <ul>
        <li>
          {late.toleranceDays > 0
            ? `Nộp báo cáo muộn trong ${late.toleranceDays} ngày: trừ ${formatNumberVi(late.penaltyPoints)} điểm; muộn hơn: `
            : 'Nộp báo cáo muộn (sau thời hạn): '}
          {late.beyondTolerance === 'refuse' ? 'không tiếp nhận' : 'xếp loại thấp nhất'}.
        </li>
        <li>Không nộp báo cáo: {rules.nonSubmission === 'zero' ? 'tính 0 điểm' : 'xếp loại thấp nhất'}.</li>
        <li>
          Chỉ số không áp dụng:{' '}
          {rules.notApplicable === 'replacement' ? 'chấm bằng chỉ số thay thế' : 'không tính vào tổng điểm tối đa'}.
        </li>
        {rules.ranking && <li data-testid="portal-ranking-rule">{rules.ranking}</li>}
        {rules.resultScale && rules.resultScale !== 'points' && (
          <li data-testid="portal-result-scale">{describeScaleVi(rules.resultScale)}</li>
        )}
      </ul>
      {rules.citations && rules.citations.length > 0 && (
        <p className="muted">
          Căn cứ{basis.length > 0 ? ` ${basis.join('; ')}` : ''}: {rules.citations.join('; ')}.
        </p>
      )}
      {rules.notes && <p>{rules.notes}</p>}
    </section>
  );
}
