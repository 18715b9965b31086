// One unit's scorecard (phiếu kết quả): every node of its index set in order — main indicators and
// groups as headings, items with max, self, final, delta (final − self), the council's reason and the status
// of the unit's objection when it made one — and the header figures (totals, percent, band, rank). Shared by the .xlsx and the PDF.
import type { ExportCampaign, ExportGroup, ExportNode, ExportUnitRow } from './types.ts';
import { isRankedKind } from '../../core/campaign/ranking-applies.ts';
import { submissionStatusVi } from '../../core/campaign/submission-status.ts';

export interface ScorecardLine {
  code: string;
  title: string;
  depth: number;
  isItem: boolean;
  max: number;
  self: number | null;
  final: number | null;
  delta: number | null;
  notApplicable: boolean;
  reason: string;
  /** The item's latest objection, worded ("Chờ trả lời", "Chấp nhận — điểm mới 7,5", "Không chấp nhận — …"); '' without one. */
  objection: string;
}

/** An objection (kiến nghị) to an item's final score and its answer, as the scorecard prints it. */
export interface ScorecardObjection {
  code: string;
  status: 'open' | 'upheld' | 'rejected';
  scoreAfter: number | null;
  answer: string | null;
}

export interface Scorecard {
  campaign: { name: string; year: number; kind: string; ownerName: string };
  groupName: string;
  unitsInGroup: number;
  row: ExportUnitRow;
  lines: ScorecardLine[];
  /** The unit objected to some item: the formats add a "Kiến nghị" column. */
  hasObjections: boolean;
}

/** How the scorecard words an objection's status (issue 14 §1). */
export function objectionStatusVi(o: ScorecardObjection): string {
  if (o.status === 'open') return 'Chờ trả lời';
  if (o.status === 'upheld') return `Chấp nhận — điểm mới ${fmt(o.scoreAfter)}`;
  return `Không chấp nhận — ${o.answer?.trim() ?? ''}`;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * `reasons`: item code → the council's reason (label), for items whose final departs from the self score or
 * are N/A. `objections`: the unit's objections, oldest first — each item shows its latest.
 */
export function buildScorecard(
  c: ExportCampaign,
  g: ExportGroup,
  row: ExportUnitRow,
  roots: readonly ExportNode[],
  reasons: ReadonlyMap<string, string>,
  objections: readonly ScorecardObjection[] = [],
): Scorecard {
  const items = new Map(row.items.map((i) => [i.code, i]));
  const latest = new Map(objections.map((o) => [o.code, o]));
  const mains = new Map((row.mainIndicators ?? []).map((m) => [m.code, m]));
  const lines: ScorecardLine[] = [];
  const walk = (nodes: readonly ExportNode[], depth: number) => {
    for (const n of nodes) {
      const i = items.get(n.code);
      const isItem = !n.children || n.children.length === 0;
      const main = mains.get(n.code);
      const self = isItem ? (i?.self ?? null) : (main?.self ?? null);
      const final = isItem ? (i?.final ?? null) : (main?.final ?? null);
      lines.push({
        code: n.code,
        title: n.title,
        depth,
        isItem,
        max: n.maxPoints,
        self,
        final,
        delta: self !== null && final !== null ? round2(final - self) : null,
        notApplicable: Boolean(i?.notApplicable),
        reason: reasons.get(n.code) ?? (i?.notApplicable ? 'Không áp dụng' : ''),
        objection: isItem && latest.has(n.code) ? objectionStatusVi(latest.get(n.code)!) : '',
      });
      if (n.children) walk(n.children, depth + 1);
    }
  };
  walk(roots, 0);
  return {
    campaign: { name: c.name, year: c.year, kind: c.kind, ownerName: c.ownerName },
    groupName: g.group.name,
    unitsInGroup: g.units.length,
    row,
    lines,
    hasObjections: objections.length > 0,
  };
}

/** Vietnamese heading lines shared by both formats. */
export function scorecardHeader(s: Scorecard): string[] {
  const r = s.row;
  return [
    `Đơn vị: ${r.unit.name} (${r.unit.code})`,
    // The campaign's name usually holds its year already ("… năm 2026"): never "năm 2026 — năm 2026".
    `Kỳ đánh giá: ${s.campaign.name}${s.campaign.name.includes(String(s.campaign.year)) ? '' : ` — năm ${s.campaign.year}`}`,
    `Nhóm: ${s.groupName}`,
    `Tình trạng nộp báo cáo: ${submissionStatusVi(r)}`,
    ...(isRankedKind(s.campaign.kind) ? rankedLines(s) : progressLines(s)),
  ];
}

/** An assessment's figures: totals, penalty, percent, band and rank (000 Điều 9). */
function rankedLines(s: Scorecard): string[] {
  const r = s.row;
  return [
    `Tổng điểm tự chấm: ${fmt(r.selfTotal)} — Tổng điểm thẩm định: ${fmt(r.finalTotal)}${r.penaltyPoints > 0 ? ` — Trừ nộp muộn: ${fmt(r.penaltyPoints)} — Còn: ${fmt(r.finalAfterPenalty)}` : ''} / ${fmt(r.applicableMax)}`,
    `Tỷ lệ: ${r.percent === null ? '—' : `${fmt(r.percent)} %`} — Xếp loại: ${r.band?.label ?? 'Không xếp loại'} — Xếp hạng: ${r.rank ?? '—'}/${s.unitsInGroup}`,
  ];
}

/** A progress round's figures (000 Điều 7.2): completion and points reported, never a band or a rank. */
function progressLines(s: Scorecard): string[] {
  const r = s.row;
  const p = r.progress;
  const vs = (label: string, f: NonNullable<typeof p>['previous']) =>
    f ? `${label} (${f.campaignName}): ${fmt(f.finalTotal ?? f.selfTotal)} — chênh lệch ${fmt(f.delta)}` : null;
  return [
    `Báo cáo tiến độ — Tổng điểm tự chấm: ${fmt(r.selfTotal)} / ${fmt(r.applicableMax)}`,
    p ? `Mức độ hoàn thành: ${p.completion.complete}/${p.completion.applicable} chỉ tiêu đã báo cáo` : null,
    vs('Kỳ trước', p?.previous),
    vs('Kết quả năm', p?.annual),
  ].filter((l): l is string => l !== null);
}

export function fmt(v: number | null): string {
  return v === null ? '—' : (Math.round(v * 100) / 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}
