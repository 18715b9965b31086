// Horizontal bars drawn with plain HTML/CSS (no chart library): readable on a phone, long Vietnamese
// labels wrap, and screen readers read label and value as text.
export interface Bar {
  key: string;
  label: string;
  value: number | null;
  display: string;
  color: string;
}

export function BarList({
  bars,
  max,
  caption,
  testId,
}: {
  bars: Bar[];
  max: number;
  caption: string;
  testId?: string;
}) {
  return (
    <figure className="bars" data-testid={testId}>
      <figcaption>{caption}</figcaption>
      <ul>
        {bars.map((b) => (
          <li key={b.key}>
            <span className="bar-label">{b.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span
                className="bar-fill"
                style={{
                  width: `${max > 0 && b.value ? Math.max(0, Math.min(100, (b.value / max) * 100)) : 0}%`,
                  background: b.color,
                }}
              />
            </span>
            <span className="bar-value">{b.display}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
