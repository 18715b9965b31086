// Checks a batch of supplied figures before anything is written (all or nothing): the unit takes part
// in the campaign, the item exists in its group's index set and is a leaf, and the inputs are valid for
// the item's scoring method — through the same validation as a unit's own save (evaluateItem).
import type { FrameworkNode } from '../../core/framework/index.ts';
import type { Db } from '../../db/client.ts';
import { loadDefinition } from '../../db/queries/framework-definitions.ts';
import { type Participant, findParticipants } from '../../db/queries/figures.ts';
import { inputKeyOf, inputKinds, typedInputs } from '../../exchange/item-inputs.ts';
import { OperationError } from '../errors.ts';
import { type StoredInputs, evaluateItem } from '../assessments/item-input.ts';

export interface FigureInput {
  unitCode: string;
  itemCode: string;
  inputs: Record<string, unknown>;
  source: string;
  /** Sheet rows by input name (file imports), so a problem names the row it comes from. */
  rows?: Record<string, number>;
}

export interface FigureProblem {
  index: number;
  unitCode: string;
  itemCode: string;
  /** The input the problem is about, when known. */
  input?: string;
  row?: number;
  /** The sheet column the problem is in (file imports). */
  column: 'Mã đơn vị' | 'Mã chỉ số' | 'Tên số liệu' | 'Giá trị' | 'Nguồn';
  /** Stable code and its parameters (unit, item, input…), for clients that word it themselves. */
  code: string;
  params?: Record<string, string | number>;
  message: string;
}

export interface CheckedFigure {
  index: number;
  figure: FigureInput;
  participant: Participant;
  node: FrameworkNode;
  inputs: StoredInputs;
  /** The score of `inputs` alone (evaluateItem's), reused when the item will hold exactly these inputs. */
  selfScore: number | null;
}

function inputOfIssue(err: OperationError): string | undefined {
  const issues = (err.details?.issues ?? []) as { path?: string }[];
  const path = issues.find((i) => i.path?.startsWith('/inputs/'))?.path;
  return path ? path.slice('/inputs/'.length) || undefined : undefined;
}

/** A campaign's participants already read (a pull checks its slices against one read, not one per slice). */
export interface KnownParticipants {
  campaignId: string;
  participants: ReadonlyMap<string, Participant>;
}

export async function checkFigures(
  db: Db,
  campaign: string | KnownParticipants,
  figures: readonly FigureInput[],
): Promise<{ checked: CheckedFigure[]; problems: FigureProblem[] }> {
  const participants =
    typeof campaign === 'string'
      ? await findParticipants(
          db,
          campaign,
          figures.map((f) => f.unitCode),
        )
      : campaign.participants;
  const definitions = new Map<string, Awaited<ReturnType<typeof loadDefinition>>>();
  for (const p of participants.values())
    if (!definitions.has(p.frameworkId)) definitions.set(p.frameworkId, await loadDefinition(db, p.frameworkId));
  const checked: CheckedFigure[] = [];
  const problems: FigureProblem[] = [];
  const seen = new Map<string, number>();
  figures.forEach((given, index) => {
    let figure = given;
    const problem = (
      column: FigureProblem['column'],
      code: string,
      message: string,
      input?: string,
      params: Record<string, string | number> = {},
    ) =>
      problems.push({
        index,
        unitCode: figure.unitCode,
        itemCode: figure.itemCode,
        column,
        code,
        params: { unit: figure.unitCode, item: figure.itemCode, ...(input ? { input } : {}), ...params },
        message,
        ...(input ? { input } : {}),
        ...(figure.rows ? { row: (input && figure.rows[input]) || Math.min(...Object.values(figure.rows)) } : {}),
      });
    const participant = participants.get(figure.unitCode);
    if (!participant)
      return problem(
        'Mã đơn vị',
        'UNIT_NOT_IN_CAMPAIGN',
        `Đơn vị "${figure.unitCode}" không tham gia kỳ đánh giá này.`,
      );
    const def = definitions.get(participant.frameworkId);
    const node = def?.leaves.get(figure.itemCode);
    if (!node) {
      const isGroup = def ? [...def.leaves.keys()].some((c) => c.startsWith(`${figure.itemCode}.`)) : false;
      return problem(
        'Mã chỉ số',
        isGroup ? 'ITEM_IS_GROUP' : 'ITEM_NOT_FOUND',
        isGroup
          ? `"${figure.itemCode}" là nhóm chỉ số, chỉ nhận số liệu cho chỉ số thành phần.`
          : `Bộ chỉ số của đơn vị "${figure.unitCode}" không có chỉ số "${figure.itemCode}".`,
      );
    }
    figure = withMethodKeys(node, figure);
    if (!figure.source.trim()) return problem('Nguồn', 'REQUIRED', 'Thiếu nguồn số liệu.');
    if (Object.keys(figure.inputs).length === 0) return problem('Tên số liệu', 'REQUIRED', 'Chưa có số liệu nào.');
    const key = `${figure.unitCode} ${figure.itemCode} ${figure.source}`;
    if (seen.has(key))
      return problem(
        'Mã chỉ số',
        'DUPLICATE_IN_FILE',
        `Trùng đơn vị, chỉ số và nguồn với mục thứ ${seen.get(key)! + 1}.`,
        undefined,
        { firstEntry: seen.get(key)! + 1 },
      );
    seen.set(key, index);
    const typed = typedInputs(node, figure.inputs);
    if (Object.values(typed).some((v) => v === null))
      return problem(
        'Giá trị',
        'REQUIRED',
        'Có số liệu để trống.',
        Object.keys(typed).find((k) => typed[k] === null),
      );
    try {
      const evaluated = evaluateItem(node, { inputs: typed }, participant.info);
      checked.push({ index, figure, participant, node, inputs: evaluated.inputs, selfScore: evaluated.selfScore });
    } catch (err) {
      if (!(err instanceof OperationError)) throw err;
      const input = inputOfIssue(err);
      problem(input && !inputKinds(node).has(input) ? 'Tên số liệu' : 'Giá trị', err.code, err.message, input);
    }
  });
  return { checked, problems };
}

/** Input names as the method spells them ("A" → "a", "notapplicable" → "notApplicable"). */
function withMethodKeys(node: FrameworkNode, f: FigureInput): FigureInput {
  const inputs: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f.inputs)) inputs[inputKeyOf(node, k)] = v;
  const rows = f.rows
    ? Object.fromEntries(Object.entries(f.rows).map(([k, r]) => [inputKeyOf(node, k), r]))
    : undefined;
  return { ...f, inputs, ...(rows ? { rows } : {}) };
}
