// POST /assessments/{id}/import: a self-assessment form filled offline (the export of GET export.xlsx)
// applied row by row through the same saveItem operation as the web form, inside one transaction: every
// row is tried (each in its own savepoint, so all problems are listed), and any problem rolls everything
// back. Rows whose values equal what is stored are skipped; a row exported at an item version that has
// changed online since is a problem for that row, never an overwrite.
import { type FrameworkNode, isLeaf } from '../../core/framework/index.ts';
import { holdsRoleOver } from '../../core/policy/index.ts';
import type { FormImportProblemCode } from '../../core/imports/index.ts';
import type { ErrorCode } from '../errors.ts';
import type { Db } from '../../db/client.ts';
import { type AssessmentContext, findReadableAssessment, loadItems } from '../../db/queries/assessments.ts';
import { loadDefinition } from '../../db/queries/framework-definitions.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import type { FormRow } from '../../exchange/assessments/read-assessment-form.ts';
import { parseInputs } from '../../exchange/assessments/inputs-text.ts';
import { typedInput, typedInputs } from '../../exchange/item-inputs.ts';
import { OperationError, notFound } from '../errors.ts';
import { type AssessmentWho, assessmentNotFound, forbidden } from './assessment-access.ts';
import { saveItem } from './save-item.ts';

export interface FormProblem {
  row: number;
  column: string;
  /** The item (STT) of the row, when the row names one of the set. */
  item?: string;
  /** Stable code (core/imports FORM_IMPORT_PROBLEM_CODES, or the API error code of a refused save) and its
   *  parameters, worded by the staff app; `message` is Vietnamese. */
  code: FormImportProblemCode | ErrorCode;
  params?: Record<string, string | number>;
  message: string;
}

type Values = { inputs: Record<string, unknown>; selfScore?: number | null; explanation: string };

const canonical = (o: Record<string, unknown>) =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(o)
        .filter(([k, v]) => v !== null && v !== undefined && v !== '' && !(k === 'notApplicable' && v === false))
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  );

/** What the row asks to store, typed against the item's method; or the problem in the row. */
function valuesOf(node: FrameworkNode, r: FormRow): Values | FormProblem {
  const parsed = parseInputs(node, r.inputs);
  if (!parsed.ok)
    return {
      row: r.row,
      column: 'Số liệu',
      item: node.code,
      code: parsed.code,
      params: parsed.params,
      message: parsed.message,
    };
  const inputs = typedInputs(node, parsed.inputs);
  const explanation = r.explanation.normalize('NFC').trim();
  if ((node.method?.kind ?? 'manual') !== 'manual') return { inputs, explanation };
  const score = r.selfScore === '' ? null : typedInput(node, 'score', r.selfScore);
  if (score !== null && typeof score !== 'number')
    return {
      row: r.row,
      column: 'Điểm tự chấm',
      item: node.code,
      code: 'NOT_A_NUMBER',
      params: { value: r.selfScore.slice(0, 40) },
      message: `Điểm tự chấm "${r.selfScore.slice(0, 40)}" phải là một số.`,
    };
  return { inputs, selfScore: score, explanation };
}

/** Only the unit's own staff import its form; the route asks this before it reads the file. */
export function assertMayImportForm(actor: AssessmentWho['actor'], ctx: Pick<AssessmentContext, 'unit'>): void {
  if (
    !holdsRoleOver(actor, ['unit_reporter', 'unit_leader'], { id: ctx.unit.id, ancestry: ancestryOf(ctx.unit.path) })
  ) {
    throw forbidden('Chỉ cán bộ nhập liệu và lãnh đạo của đơn vị được nhập bản tự đánh giá.');
  }
}

export async function importAssessmentForm(
  db: Db,
  {
    who,
    id,
    file,
    now,
  }: {
    who: AssessmentWho & { fullName: string };
    id: string;
    file: { assessmentId: string | null; rows: FormRow[] };
    now: Date;
  },
): Promise<{ updated: number; unchanged: number }> {
  const ctx = await findReadableAssessment(db, who.actor, id);
  if (!ctx) throw assessmentNotFound();
  assertMayImportForm(who.actor, ctx);
  const invalid = (problems: FormProblem[]) =>
    new OperationError('IMPORT_INVALID', `Tệp có ${problems.length} lỗi; chưa lưu chỉ số nào.`, { problems });
  if (file.assessmentId !== null && file.assessmentId !== ctx.assessment.id) {
    throw invalid([
      {
        row: 1,
        column: '',
        code: 'OTHER_ASSESSMENT',
        message: 'Tệp này là biểu tự đánh giá của một đơn vị hoặc kỳ đánh giá khác.',
      },
    ]);
  }
  const def = await loadDefinition(db, ctx.group.frameworkId);
  if (!def) throw notFound('Không tìm thấy bộ chỉ số của bản tự đánh giá.');
  const groups = new Set<string>();
  const visit = (nodes: readonly FrameworkNode[]) =>
    nodes.forEach((n) => (isLeaf(n) ? undefined : (groups.add(n.code), visit(n.children ?? []))));
  visit(def.definition.nodes);

  return db.transaction(async (tx) => {
    const current = new Map((await loadItems(tx, ctx.assessment.id)).map((i) => [i.code, i]));
    const problems: FormProblem[] = [];
    const seen = new Map<string, number>();
    let updated = 0;
    let unchanged = 0;
    for (const r of file.rows) {
      const node = def.leaves.get(r.code);
      if (!node) {
        if (!groups.has(r.code) && r.code !== '')
          problems.push({
            row: r.row,
            column: 'STT',
            code: 'ITEM_NOT_FOUND',
            params: { item: r.code.slice(0, 40) },
            message: `Bộ chỉ số không có chỉ số "${r.code.slice(0, 40)}".`,
          });
        continue;
      }
      if (seen.has(r.code)) {
        problems.push({
          row: r.row,
          column: 'STT',
          item: r.code,
          code: 'DUPLICATE_IN_FILE',
          params: { item: r.code, firstRow: seen.get(r.code)! },
          message: `Chỉ số ${r.code} đã có ở dòng ${seen.get(r.code)}.`,
        });
        continue;
      }
      seen.set(r.code, r.row);
      const values = valuesOf(node, r);
      if ('row' in values) {
        problems.push(values);
        continue;
      }
      const item = current.get(r.code);
      const stored = { inputs: canonical(item?.inputs ?? {}), explanation: item?.explanation ?? '' };
      const wanted = {
        inputs: canonical(
          values.selfScore !== undefined ? { ...values.inputs, score: values.selfScore } : values.inputs,
        ),
        explanation: values.explanation,
      };
      if (stored.inputs === wanted.inputs && stored.explanation === wanted.explanation) {
        unchanged++;
        continue;
      }
      const version = r.version === '' ? NaN : Number(r.version);
      const currentVersion = item?.version ?? 0;
      if (version !== currentVersion) {
        const who = item?.updatedByName ? ` bởi ${item.updatedByName}` : '';
        problems.push({
          row: r.row,
          column: 'Phiên bản',
          item: r.code,
          code: 'CHANGED_SINCE_EXPORT',
          params: { item: r.code, ...(item?.updatedByName ? { by: item.updatedByName } : {}) },
          message: `Chỉ số ${r.code} đã được sửa trên hệ thống${who} sau khi xuất tệp; hãy xuất lại biểu hoặc sửa trực tiếp trên hệ thống.`,
        });
        continue;
      }
      try {
        // saveItem opens its own (nested) transaction: a savepoint, so a refused row leaves the others intact.
        await saveItem(tx, {
          who,
          assessmentId: ctx.assessment.id,
          code: r.code,
          input: {
            inputs: values.inputs as Record<string, number | boolean | string | null>,
            ...(values.selfScore !== undefined ? { selfScore: values.selfScore } : {}),
            explanation: values.explanation,
            version,
          },
          now,
        });
        updated++;
      } catch (err) {
        if (!(err instanceof OperationError) || ['NOT_FOUND', 'FORBIDDEN', 'INVALID_STATE'].includes(err.code))
          throw err;
        const column = ['SCORE_INVALID', 'SCORE_OUT_OF_RANGE'].includes(err.code)
          ? 'Điểm tự chấm'
          : ['VALIDATION_FAILED', 'FIGURE_OUT_OF_RANGE'].includes(err.code)
            ? 'Số liệu'
            : 'STT';
        // Range refusals already name the item (issue 13 §6).
        const message = err.message.startsWith(`Chỉ số ${r.code}:`) ? err.message : `Chỉ số ${r.code}: ${err.message}`;
        problems.push({ row: r.row, column, item: r.code, code: err.code, params: { item: r.code }, message });
      }
    }
    if (problems.length > 0) throw invalid(problems);
    return { updated, unchanged };
  });
}
