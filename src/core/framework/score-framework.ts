// Scores a whole index set. Leaves are scored by their method; a group is the sum of its children
// capped at its own max (the cap is recorded, the decisions say a group never exceeds its max).
// Not-applicable leaves lower the applicable max of every ancestor by their max. All sums are done in
// integer hundredths, so totals are exact sums of the 2-decimal item scores.
import type { FrameworkDefinition, FrameworkNode } from './types.ts';
import type { InfoValues, InputValues, ItemScore } from './score-types.ts';
import { scoreItem } from './score-item.ts';
import { fromHundredths, toHundredths } from './rounding.ts';

export interface NodeScore {
  code: string;
  title: string;
  depth: number;
  parentCode: string | null;
  isLeaf: boolean;
  maxPoints: number;
  /** maxPoints minus the max of not-applicable leaves below (or itself); never below 0. */
  applicableMax: number;
  /** Leaf: the item score (null = not computable or not applicable). Group: capped sum of known child points (null only when not applicable). */
  points: number | null;
  notApplicable: boolean;
  /** Group only: the children's sum before the cap. */
  uncappedPoints?: number;
  /** Group only: true when the cap at maxPoints lowered the sum. */
  capped: boolean;
  /** Every leaf below (or this leaf) is scored or not applicable. */
  complete: boolean;
  /** Leaf only: the method's result, with explanation and issues. */
  item?: ItemScore;
}

export interface FrameworkScore {
  /** Pre-order, in the definition's order (definitions are stored naturally sorted). */
  nodes: NodeScore[];
  byCode: Record<string, NodeScore>;
  total: number;
  maxPoints: number;
  applicableMax: number;
  /** Exact total / applicableMax × 100 (unrounded, for band classification); null when applicableMax is 0. */
  percent: number | null;
  notApplicableCodes: string[];
  /** Leaves whose points could not be computed (missing or invalid inputs). */
  unscoredCodes: string[];
  complete: boolean;
}

interface Acc {
  /** Hundredths. */
  points: number;
  max: number;
  applicableMax: number;
  notApplicable: boolean;
  complete: boolean;
}

export function scoreFramework(
  definition: Pick<FrameworkDefinition, 'nodes'>,
  inputsByCode: Record<string, InputValues | undefined>,
  info?: InfoValues,
): FrameworkScore {
  const nodes: NodeScore[] = [];
  const byCode: Record<string, NodeScore> = Object.create(null) as Record<string, NodeScore>;
  const notApplicableCodes: string[] = [];
  const unscoredCodes: string[] = [];

  const visit = (node: FrameworkNode, depth: number, parentCode: string | null): Acc => {
    const max = toHundredths(node.maxPoints);
    const children = node.children;
    if (!children || children.length === 0) {
      const inputs = Object.hasOwn(inputsByCode, node.code) ? inputsByCode[node.code] : undefined;
      const item = scoreItem(node, inputs, info);
      const result: NodeScore = {
        code: node.code,
        title: node.title,
        depth,
        parentCode,
        isLeaf: true,
        maxPoints: node.maxPoints,
        applicableMax: item.notApplicable ? 0 : node.maxPoints,
        points: item.points,
        notApplicable: item.notApplicable,
        capped: false,
        complete: item.notApplicable || item.points !== null,
        item,
      };
      nodes.push(result);
      byCode[node.code] = result;
      if (item.notApplicable) notApplicableCodes.push(node.code);
      else if (item.points === null) unscoredCodes.push(node.code);
      return {
        points: item.points === null ? 0 : toHundredths(item.points),
        max,
        applicableMax: item.notApplicable ? 0 : max,
        notApplicable: item.notApplicable,
        complete: result.complete,
      };
    }
    const result: NodeScore = {
      code: node.code,
      title: node.title,
      depth,
      parentCode,
      isLeaf: false,
      maxPoints: node.maxPoints,
      applicableMax: node.maxPoints,
      points: 0,
      notApplicable: false,
      capped: false,
      complete: true,
    };
    nodes.push(result);
    byCode[node.code] = result;
    let sum = 0;
    let reduction = 0;
    let allNotApplicable = true;
    let complete = true;
    for (const child of children) {
      const acc = visit(child, depth + 1, node.code);
      sum += acc.points;
      reduction += acc.max - acc.applicableMax;
      allNotApplicable &&= acc.notApplicable;
      complete &&= acc.complete;
    }
    const capped = sum > max;
    const points = capped ? max : sum;
    const applicableMax = allNotApplicable ? 0 : Math.max(0, max - reduction);
    result.points = allNotApplicable ? null : fromHundredths(points);
    result.uncappedPoints = fromHundredths(sum);
    result.capped = capped;
    result.applicableMax = fromHundredths(applicableMax);
    result.notApplicable = allNotApplicable;
    result.complete = complete;
    return { points, max, applicableMax, notApplicable: allNotApplicable, complete };
  };

  let total = 0;
  let maxPoints = 0;
  let applicableMax = 0;
  let complete = true;
  for (const root of definition.nodes) {
    const acc = visit(root, 1, null);
    total += acc.points;
    maxPoints += acc.max;
    applicableMax += acc.applicableMax;
    complete &&= acc.complete;
  }
  return {
    nodes,
    byCode,
    total: fromHundredths(total),
    maxPoints: fromHundredths(maxPoints),
    applicableMax: fromHundredths(applicableMax),
    percent: applicableMax === 0 ? null : (total / applicableMax) * 100,
    notApplicableCodes,
    unscoredCodes,
    complete,
  };
}
