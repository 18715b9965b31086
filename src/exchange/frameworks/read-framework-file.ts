// One entry for every index-set file (API import, CLI validate/import): the content decides the kind —
// a zip is a workbook, UTF-8 text is YAML or JSON, anything else is refused. Then the same checks for
// all: file-level problems, the schema (parseFrameworkDocument), normalisation (NFC, natural order) and
// validateFramework. Errors from any stage block; every problem says where (sheet/line, row, code).
import {
  frameworkBoundsProblem,
  parseFrameworkDocument,
  validateFramework,
  type FrameworkDefinition,
  type FrameworkNode,
  type Problem,
} from '../../core/framework/index.ts';
import { DEFAULT_SPREADSHEET_LIMITS, type SpreadsheetLimits } from '../spreadsheet/limits.ts';
import { looksLikeZip } from '../tabular.ts';
import { fileError, fileWarning, type FileProblem } from './file-problem.ts';
import { readFrameworkDocument } from './framework-document.ts';
import { normalizeDefinition } from './normalize-definition.ts';
import { readFrameworkWorkbook, type Located } from './read-framework-workbook.ts';
import { INFO_SHEET_NAME } from './workbook-layout.ts';

export type FrameworkFileResult =
  | { ok: true; format: 'xlsx' | 'yaml' | 'json'; definition: FrameworkDefinition; warnings: FileProblem[] }
  | { ok: false; reason: 'unsupported' | 'too_large' | 'invalid'; problems: FileProblem[] };

type Segment = string | number;

function parsePath(path: string): Segment[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** The node objects along a path into the raw document ("nodes[0].children[2].maxPoints"). */
function nodesOnPath(doc: unknown, path: Segment[]): { node: FrameworkNode; codePath: string }[] {
  const out: { node: FrameworkNode; codePath: string }[] = [];
  let cur: unknown = doc;
  for (let i = 0; i < path.length; i++) {
    if (cur === null || typeof cur !== 'object') break;
    cur = (cur as Record<string | number, unknown>)[path[i]!];
    if (
      typeof path[i] === 'number' &&
      (path[i - 1] === 'nodes' || path[i - 1] === 'children') &&
      cur &&
      typeof cur === 'object'
    ) {
      out.push({ node: cur as FrameworkNode, codePath: path.slice(0, i + 1).join('.') });
    }
  }
  return out;
}

const labelOfField: Record<string, string> = {
  code: 'Mã bộ chỉ số',
  name: 'Tên bộ chỉ số',
  'decision.number': 'Số quyết định',
  'decision.issuer': 'Cơ quan ban hành',
  'decision.date': 'Ngày quyết định',
  'appliesTo.unitTypes': 'Đối tượng áp dụng',
  decision: 'Số quyết định',
  appliesTo: 'Đối tượng áp dụng',
};

interface Locator {
  /** `hint`: a field of the information sheet that is missing, said in its own words (`missing` its label). */
  schema(path: string, doc: unknown): Located & { code?: string; hint?: string; missing?: string };
  node(code: string): Located;
}

function finish(
  doc: unknown,
  locator: Locator,
  earlier: FileProblem[],
  format: 'xlsx' | 'yaml' | 'json',
): FrameworkFileResult {
  const problems = [...earlier];
  const parsed = parseFrameworkDocument(doc);
  if (!parsed.ok) {
    for (const p of parsed.problems) {
      const at = locator.schema(p.path, doc);
      const message = at.hint ?? (p.path ? `${p.path}: ${p.message}` : p.message);
      problems.push(
        fileError(message, {
          ...(at.sheet ? { sheet: at.sheet } : {}),
          ...(at.row ? { row: at.row } : {}),
          ...(at.code ? { code: at.code } : {}),
          ...(at.missing
            ? { rule: 'INFO_FIELD_MISSING', params: { label: at.missing, sheet: INFO_SHEET_NAME } }
            : { rule: 'SCHEMA_INVALID', ...(p.path ? { params: { path: p.path } } : {}) }),
        }),
      );
    }
    return { ok: false, reason: 'invalid', problems };
  }
  const definition = normalizeDefinition(parsed.definition);
  const report = validateFramework(definition);
  const located = (p: Problem, severity: 'error' | 'warning') => {
    const at = p.nodeCode ? locator.node(p.nodeCode) : {};
    const where = {
      ...(at.sheet ? { sheet: at.sheet } : {}),
      ...(at.row ? { row: at.row } : {}),
      ...(p.nodeCode ? { code: p.nodeCode } : {}),
      rule: p.code,
      ...(p.params ? { params: p.params } : {}),
    };
    return severity === 'error' ? fileError(p.message, where) : fileWarning(p.message, where);
  };
  problems.push(...report.errors.map((p) => located(p, 'error')));
  const warnings = report.warnings.map((p) => located(p, 'warning'));
  if (problems.some((p) => p.severity === 'error'))
    return { ok: false, reason: 'invalid', problems: [...problems, ...warnings] };
  return { ok: true, format, definition, warnings: [...problems, ...warnings] };
}

export async function readFrameworkFile(
  buf: Buffer,
  limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
): Promise<FrameworkFileResult> {
  if (buf.length === 0) return { ok: false, reason: 'unsupported', problems: [fileError('Tệp rỗng (0 byte).')] };
  if (looksLikeZip(buf)) {
    const wb = await readFrameworkWorkbook(buf, limits);
    if (!wb.ok) return wb;
    const oversized = oversizedTree(wb.doc);
    if (oversized) return oversized;
    const rowByCode = new Map<string, Located>();
    const walk = (nodes: FrameworkNode[]) =>
      nodes.forEach((n) => {
        if (!rowByCode.has(n.code)) rowByCode.set(n.code, wb.nodeAt(n));
        if (n.children) walk(n.children);
      });
    walk(wb.doc.nodes);
    return finish(
      wb.doc,
      {
        schema(path, doc) {
          const segments = parsePath(path);
          const onPath = nodesOnPath(doc, segments);
          const deepest = onPath[onPath.length - 1];
          if (deepest)
            return {
              ...wb.nodeAt(deepest.node),
              code: typeof deepest.node.code === 'string' && deepest.node.code ? deepest.node.code : undefined,
            };
          const at = wb.fieldAt(String(segments[0] ?? ''));
          const label = labelOfField[segments.slice(0, 2).join('.')] ?? labelOfField[String(segments[0])];
          const absent =
            segments.reduce<unknown>(
              (o, s) => (o && typeof o === 'object' ? (o as Record<Segment, unknown>)[s] : undefined),
              doc,
            ) === undefined;
          if (label && absent) {
            return {
              sheet: at.sheet ?? INFO_SHEET_NAME,
              missing: label,
              hint: `Thiếu "${label}": thêm một dòng vào trang "${INFO_SHEET_NAME}" (cột A: ${label}, cột B: giá trị).`,
            };
          }
          return at;
        },
        node: (code) => rowByCode.get(code) ?? {},
      },
      wb.problems,
      'xlsx',
    );
  }
  if (buf.includes(0)) return { ok: false, reason: 'unsupported', problems: [fileError(unsupportedMessage)] };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf).replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD'))
    return {
      ok: false,
      reason: 'unsupported',
      problems: [fileError(`${unsupportedMessage} (tệp văn bản phải mã hóa UTF-8)`)],
    };
  const read = readFrameworkDocument(text);
  if (!read.ok) return { ok: false, reason: 'invalid', problems: read.problems };
  if (read.doc === null || typeof read.doc !== 'object' || Array.isArray(read.doc)) {
    return { ok: false, reason: 'unsupported', problems: [fileError(unsupportedMessage)] };
  }
  const oversized = oversizedTree(read.doc);
  if (oversized) return oversized;
  const lineByCode = new Map<string, number | undefined>();
  const walk = (nodes: unknown, path: Segment[]) => {
    if (!Array.isArray(nodes)) return;
    nodes.forEach((n: { code?: unknown; children?: unknown }, i) => {
      if (n && typeof n.code === 'string' && !lineByCode.has(n.code)) lineByCode.set(n.code, read.lineOf([...path, i]));
      if (n) walk(n.children, [...path, i, 'children']);
    });
  };
  walk((read.doc as { nodes?: unknown }).nodes, ['nodes']);
  return finish(
    read.doc,
    {
      schema(path, doc) {
        const segments = parsePath(path);
        const onPath = nodesOnPath(doc, segments);
        const code = onPath[onPath.length - 1]?.node.code;
        return { row: read.lineOf(segments), ...(typeof code === 'string' && code ? { code } : {}) };
      },
      node: (code) => ({ row: lineByCode.get(code) }),
    },
    [],
    read.format,
  );
}

/** A tree past the size limits, refused before anything walks it by recursion (the walks below, the schema). */
function oversizedTree(doc: unknown): FrameworkFileResult | null {
  const problem = frameworkBoundsProblem(doc);
  return problem
    ? { ok: false, reason: 'invalid', problems: [fileError(problem.message, { rule: 'SCHEMA_INVALID' })] }
    : null;
}

const unsupportedMessage =
  'Tệp không phải bảng tính Excel (.xlsx), YAML (.yaml/.yml) hay JSON (.json) chứa một bộ chỉ số.';
