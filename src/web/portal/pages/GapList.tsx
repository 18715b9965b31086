// Strengths or weaknesses: main indicators furthest above (or below) the group average.
import { formatNumberVi } from '../../../core/text/vietnamese.ts';
import { fmtPercent } from '../format.ts';
import type { Gap } from '../../../contract/public.ts';

export function GapList({ title, gaps, empty, testId }: { title: string; gaps: Gap[]; empty: string; testId: string }) {
  return (
    <section className="card" data-testid={testId}>
      <h2>{title}</h2>
      {gaps.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="gaps">
          {gaps.map((g) => (
            <li key={g.code}>
              <strong>
                {g.code}. {g.title}
              </strong>
              <br />
              {fmtPercent(g.percent)} so với trung bình nhóm {fmtPercent(g.groupAverage)} (
              {g.difference > 0 ? '+' : '−'}
              {formatNumberVi(Math.abs(g.difference), 2)} điểm phần trăm)
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
