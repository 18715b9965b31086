// Yes/no: yes earns the full max, no earns 0.
import type { InputValues, ItemScore } from '../score-types.ts';
import { readBoolean } from '../inputs.ts';
import { num } from '../format-vi.ts';
import { failed, scored } from './result.ts';

export function scoreYesNo(max: number, inputs: InputValues | undefined): ItemScore {
  const rule = `Có: ${num(max)} điểm; Không: 0 điểm.`;
  const read = readBoolean(inputs, 'yes', 'Có/Không');
  if (!read.ok) return failed(rule, [], [read.issue]);
  return scored(rule, [`Trả lời: ${read.value ? 'Có' : 'Không'}.`], read.value ? max : 0, max);
}
