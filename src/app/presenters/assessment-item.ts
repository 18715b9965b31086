// What the API shows of one item of an assessment (AssessmentItem in the contract). An item never
// saved is shown empty at version 0: the first save names version 0.
import type { ItemScore } from '../../core/framework/index.ts';
import type { ItemRow } from '../../db/queries/assessments.ts';

export interface SuppliedView {
  inputs: Record<string, unknown>;
  source: string;
  suppliedAt: string;
}

export interface ItemView {
  code: string;
  inputs: Record<string, number | boolean | string | null>;
  selfScore: number | null;
  explanation: string;
  evidenceIds: string[];
  version: number;
  reopened: boolean;
  locked: boolean;
  updatedAt: string | null;
  updatedBy: { id: string; fullName: string } | null;
  supplied: SuppliedView | null;
  /** The engine's verdict on the stored inputs (only on a save's answer). */
  score?: {
    points: number | null;
    notApplicable: boolean;
    explanation: ItemScore['explanation'];
    issues: ItemScore['issues'];
  };
}

export interface ItemViewInput {
  code: string;
  row:
    | (Pick<ItemRow, 'inputs' | 'selfScore' | 'explanation' | 'version' | 'reopened' | 'updatedAt' | 'updatedBy'> & {
        updatedByName?: string | null;
      })
    | null;
  evidenceIds: string[];
  supplied: SuppliedView | null;
  /** The assessment refuses changes (submitted and this item not reopened, or the campaign not open). */
  assessmentLocked: boolean;
  campaignOpen: boolean;
}

export function presentItem(i: ItemViewInput): ItemView {
  const row = i.row;
  const reopened = row?.reopened ?? false;
  return {
    code: i.code,
    inputs: row?.inputs ?? {},
    selfScore: row?.selfScore ?? null,
    explanation: row?.explanation ?? '',
    evidenceIds: i.evidenceIds,
    version: row?.version ?? 0,
    reopened,
    locked: !i.campaignOpen || (i.assessmentLocked && !reopened),
    updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
    updatedBy: row?.updatedBy ? { id: row.updatedBy, fullName: row.updatedByName ?? '' } : null,
    supplied: i.supplied,
  };
}

/** The engine's verdict in the contract's shape: every object built here, keys in the schema's order. */
export function presentScore(score: ItemScore): NonNullable<ItemView['score']> {
  return {
    points: score.points,
    notApplicable: score.notApplicable,
    explanation: { rule: score.explanation.rule, steps: score.explanation.steps },
    issues: score.issues.map((i) =>
      i.input === undefined
        ? { code: i.code, message: i.message }
        : { code: i.code, message: i.message, input: i.input },
    ),
  };
}
