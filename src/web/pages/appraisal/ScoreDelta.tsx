// A score change shown everywhere scores are shown: "+1,5" green, "−2" red, "0" grey; nothing when unknown.
import { Typography } from 'antd';
import { useNum } from '../frameworks/format.ts';

export function ScoreDelta({ delta, testId }: { delta: number | null | undefined; testId?: string }) {
  const num = useNum();
  if (delta === null || delta === undefined) return null;
  const color = delta > 0 ? '#389e0d' : delta < 0 ? '#cf1322' : '#8c8c8c';
  const text = delta > 0 ? `+${num(delta)}` : delta < 0 ? `−${num(-delta)}` : '0';
  return (
    <Typography.Text style={{ color, fontWeight: 600, whiteSpace: 'nowrap' }} data-testid={testId} data-delta={delta}>
      {text}
    </Typography.Text>
  );
}
