// Public API of the pure index-set engine: scoring, tree utilities, validation, schema, versions and
// the method notation. Import from here, not from the inner files.
export type * from './types.ts';
export type { InputValue, InputValues, InfoValues, ItemScore, ScoreExplanation, ScoreIssue } from './score-types.ts';
export { roundHalfUp, toHundredths, fromHundredths, sumPoints, hasAtMostDecimals } from './rounding.ts';
export { scoreItem, type ScorableItem } from './score-item.ts';
export { scoreFramework, type FrameworkScore, type NodeScore } from './score-framework.ts';
export {
  sortNodes,
  walkNodes,
  flattenNodes,
  findNode,
  leaves,
  countIndicators,
  isLeaf,
  type FlatNode,
  type IndicatorCounts,
} from './tree.ts';
export { validateFramework } from './validation/validate-framework.ts';
export type { Problem, ProblemParams, ValidationReport } from './validation/problem.ts';
export {
  FRAMEWORK_FILE_PROBLEM_CODES,
  FRAMEWORK_PROBLEM_CODES,
  type FrameworkFileProblemCode,
  type FrameworkProblemCode,
} from './validation/problem-codes.ts';
export { CODE_PATTERN, isValidCode } from './validation/codes.ts';
export {
  frameworkDefinitionSchema,
  frameworkNodeSchema,
  scoringMethodSchema,
  parseFrameworkDocument,
  type ParseDocumentResult,
  type SchemaProblem,
} from './schema.ts';
export { MAX_FRAMEWORK_DEPTH, MAX_FRAMEWORK_NODES, frameworkBoundsProblem, type BoundsProblem } from './bounds.ts';
export {
  parseFormula,
  compileFormula,
  evaluateFormula,
  collectNames,
  type Expr,
  type CompileResult,
  type FormulaError,
} from './formula/index.ts';
export { parseMethodNotation, formatMethodNotation, type NotationResult } from './notation/index.ts';
export {
  diffFrameworks,
  stableStringify,
  type FrameworkDiff,
  type NodeChange,
  type NodeRef,
  type FieldChange,
} from './diff.ts';
export {
  proposeMapping,
  DEFAULT_MAPPING_THRESHOLD,
  mappingConfidence,
  type MappingProposal,
  type NodeMapping,
  type MappingCandidate,
} from './mapping.ts';
export { titleSimilarity, titleTokens } from './similarity.ts';
export {
  scoreRangeProblem,
  figureRangeProblems,
  itemInputRangeProblems,
  figureLabels,
  type RangeProblem,
  type ScoreField,
} from './ranges.ts';
export { evidenceRuleOf, EVIDENCE_RULE_LABELS } from './evidence-rule.ts';
export { offersNotApplicable } from './not-applicable.ts';
