// Whole-set validation, run after the zod schema has confirmed the shape. Errors block publishing;
// warnings are shown but allowed, because real appendices are inconsistent (codes not prefixed by the
// parent, numbering gaps) and a structure-only preset may not match the declared counts yet.
import type { FrameworkDefinition, FrameworkNode } from '../types.ts';
import { fromHundredths, hasAtMostDecimals, toHundredths } from '../rounding.ts';
import { num } from '../format-vi.ts';
import { countIndicators } from '../tree.ts';
import { atNode, given, problem, type Problem, type ValidationReport } from './problem.ts';
import { isPrefixedBy, isValidCode, siblingGapWarnings } from './codes.ts';
import { checkMethod, methodWarnings } from './method-checks.ts';
import { checkBands } from './bands.ts';

function checkMaxPoints(node: FrameworkNode): Problem[] {
  const m = node.maxPoints;
  if (typeof m !== 'number' || !Number.isFinite(m) || m < 0) {
    return [
      problem(
        'MAX_POINTS_INVALID',
        atNode(node.code, `điểm tối đa phải là số không âm (nhận ${String(m)}).`),
        node.code,
        { value: given(m) },
      ),
    ];
  }
  if (!hasAtMostDecimals(m, 2)) {
    return [
      problem('POINTS_PRECISION', atNode(node.code, `điểm tối đa ${m} có quá 2 chữ số thập phân.`), node.code, {
        value: m,
      }),
    ];
  }
  return [];
}

export function validateFramework(def: FrameworkDefinition): ValidationReport {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const infoKeys = (def.infoFields ?? []).map((f) => f.key);
  const seen = new Set<string>();

  if (!Array.isArray(def.nodes) || def.nodes.length === 0) {
    errors.push(problem('FRAMEWORK_EMPTY', 'Bộ chỉ số chưa có tiêu chí nào.'));
    return { errors, warnings };
  }

  const visitLevel = (nodes: readonly FrameworkNode[], parent: FrameworkNode | null): void => {
    warnings.push(
      ...siblingGapWarnings(
        nodes.map((n) => n.code),
        parent?.code ?? null,
      ),
    );
    for (const node of nodes) visitNode(node, parent);
  };

  const visitNode = (node: FrameworkNode, parent: FrameworkNode | null): void => {
    const code = node.code;
    if (seen.has(code))
      errors.push(problem('DUPLICATE_CODE', atNode(code, 'mã bị trùng với một tiêu chí khác.'), code, { node: code }));
    seen.add(code);
    if (!isValidCode(code)) {
      errors.push(
        problem(
          'CODE_MALFORMED',
          `Mã tiêu chí "${code}" không đúng dạng (ví dụ hợp lệ: 1, 1.2, 4.22.11, I, A.1, 1a).`,
          code,
          { node: code },
        ),
      );
    } else if (parent && isValidCode(parent.code) && !isPrefixedBy(code, parent.code)) {
      warnings.push(
        problem(
          'CODE_PREFIX_MISMATCH',
          atNode(code, `mã không bắt đầu bằng mã của tiêu chí cha ${parent.code}.`),
          code,
          { parent: parent.code },
        ),
      );
    }
    if (typeof node.title !== 'string' || node.title.trim() === '') {
      errors.push(problem('TITLE_EMPTY', atNode(code, 'chưa có tên tiêu chí.'), code));
    }
    const maxProblems = checkMaxPoints(node);
    errors.push(...maxProblems);
    const children = node.children ?? [];
    if (children.length === 0) {
      if (!node.method) {
        warnings.push(
          problem(
            'LEAF_WITHOUT_METHOD',
            atNode(code, 'chưa có phương pháp tính điểm; sẽ chấm trực tiếp (0…tối đa).'),
            code,
          ),
        );
      } else {
        errors.push(...checkMethod(node.method, node.maxPoints, code, infoKeys));
        warnings.push(...methodWarnings(node.method, node.maxPoints, code));
      }
      return;
    }
    if (node.method) {
      errors.push(
        problem(
          'GROUP_WITH_METHOD',
          atNode(
            code,
            'tiêu chí có tiêu chí con thì không có phương pháp tính điểm riêng (điểm là tổng các tiêu chí con).',
          ),
          code,
        ),
      );
    }
    if (node.automaticSource) {
      errors.push(
        problem(
          'GROUP_AUTOMATIC',
          atNode(code, 'chỉ tiêu chí không có tiêu chí con mới được đánh dấu đo tự động từ một nguồn dữ liệu.'),
          code,
        ),
      );
    }
    if (maxProblems.length === 0 && children.every((c) => checkMaxPoints(c).length === 0)) {
      const sum = children.reduce((s, c) => s + toHundredths(c.maxPoints), 0);
      const own = toHundredths(node.maxPoints);
      if (sum !== own) {
        const relation = sum > own ? 'lớn hơn' : 'nhỏ hơn';
        errors.push(
          problem(
            'CHILDREN_SUM_MISMATCH',
            atNode(
              code,
              `tổng điểm tối đa các tiêu chí con (${num(fromHundredths(sum))}) ${relation} điểm tối đa (${num(node.maxPoints)}).`,
            ),
            code,
            { sum: fromHundredths(sum), max: node.maxPoints },
          ),
        );
      }
    }
    visitLevel(children, node);
  };

  visitLevel(def.nodes, null);

  const declared = def.declared;
  if (declared?.totalPoints !== undefined && def.nodes.every((n) => checkMaxPoints(n).length === 0)) {
    const total = def.nodes.reduce((s, n) => s + toHundredths(n.maxPoints), 0);
    if (total !== toHundredths(declared.totalPoints)) {
      errors.push(
        problem(
          'TOTAL_MISMATCH',
          `Tổng điểm tối đa các chỉ số chính (${num(fromHundredths(total))}) khác tổng điểm công bố (${num(declared.totalPoints)}).`,
          undefined,
          { total: fromHundredths(total), declared: declared.totalPoints },
        ),
      );
    }
  }
  if (declared) {
    const counts = countIndicators(def);
    if (declared.mainIndicators !== undefined && declared.mainIndicators !== counts.mainIndicators) {
      warnings.push(
        problem(
          'MAIN_COUNT_MISMATCH',
          `Số chỉ số chính (${counts.mainIndicators}) khác số công bố trong quyết định (${declared.mainIndicators}).`,
          undefined,
          { count: counts.mainIndicators, declared: declared.mainIndicators },
        ),
      );
    }
    if (declared.subIndicators !== undefined && declared.subIndicators !== counts.subIndicators) {
      warnings.push(
        problem(
          'SUB_COUNT_MISMATCH',
          `Số chỉ số thành phần (${counts.subIndicators}) khác số công bố trong quyết định (${declared.subIndicators}).`,
          undefined,
          { count: counts.subIndicators, declared: declared.subIndicators },
        ),
      );
    }
  }
  if (def.rules?.bands) errors.push(...checkBands(def.rules.bands));
  const infoSeen = new Set<string>();
  for (const f of def.infoFields ?? []) {
    if (infoSeen.has(f.key))
      errors.push(
        problem('INFO_FIELD_DUPLICATE', `Trường thông tin chung "${f.key}" bị trùng.`, undefined, { key: f.key }),
      );
    if (
      !/^[A-Za-z_][A-Za-z0-9_]*$/.test(f.key) ||
      f.key === '__proto__' ||
      f.key === 'constructor' ||
      f.key === 'prototype'
    ) {
      errors.push(
        problem(
          'INFO_FIELD_KEY_INVALID',
          `Khóa trường thông tin chung "${f.key}" chỉ được gồm chữ cái không dấu, chữ số và "_".`,
          undefined,
          { key: String(f.key) },
        ),
      );
    }
    infoSeen.add(f.key);
  }
  return { errors, warnings };
}
