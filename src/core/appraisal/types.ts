// Appraisal (thẩm định) as plain data. Every item carries three scores: the unit's self score, the support
// team's proposed score (pre-review) and the council's final score (điểm thẩm định) — the official one
// (001 II.4.a). Every non-acceptance carries a reason from a fixed list and a comment (000 Điều 3.2.a:
// accurate, transparent, objective, public).

export const REVIEW_REASONS = [
  'insufficient_evidence',
  'wrong_calculation',
  'outside_period',
  'not_applicable',
  'other',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export const REVIEW_REASON_LABELS: Record<ReviewReason, string> = {
  insufficient_evidence: 'Tài liệu kiểm chứng chưa đủ',
  wrong_calculation: 'Tính điểm chưa đúng',
  outside_period: 'Ngoài thời gian tính số liệu',
  not_applicable: 'Không áp dụng',
  other: 'Lý do khác',
};

/** What a council may ask of a unit (001 II.3.b), and where the request stands; the web words each. */
export const REQUEST_KINDS = ['more_evidence', 'explanation'] as const;
export const REQUEST_STATUSES = ['open', 'answered', 'closed'] as const;

/** Positions in a council (002 Điều 7.1: chair, vice chair, members; a secretary; the support team). */
export const COUNCIL_POSITIONS = ['chair', 'vice_chair', 'member', 'secretary', 'support'] as const;
export type CouncilPosition = (typeof COUNCIL_POSITIONS)[number];

export const COUNCIL_POSITION_LABELS: Record<CouncilPosition, string> = {
  chair: 'Chủ tịch Hội đồng',
  vice_chair: 'Phó Chủ tịch Hội đồng',
  member: 'Thành viên Hội đồng',
  secretary: 'Thư ký Hội đồng',
  support: 'Tổ giúp việc',
};

/** What a member is assigned: main-indicator or node codes, appraisal domains, units. Empty lists = all. */
export interface MemberAssignment {
  nodeCodes: string[];
  domains: string[];
  unitIds: string[];
}

export interface ItemReview {
  code: string;
  selfScore: number | null;
  proposedScore: number | null;
  proposedReason: ReviewReason | null;
  proposedComment: string | null;
  finalScore: number | null;
  finalReason: ReviewReason | null;
  finalComment: string | null;
  notApplicable: boolean;
  notApplicableReason: string | null;
  /** With the 'replacement' rule: the item that scores in this one's place (000 Điều 8.4.b). */
  replacementCode: string | null;
  version: number;
}

/** Flags that help the appraiser (shown, never decisive). */
export type ReviewFlag =
  | { kind: 'self_score_inconsistent'; computed: number | null; self: number | null }
  | { kind: 'mandatory_evidence_missing' }
  | { kind: 'explained_no_evidence' }
  | { kind: 'duplicate_evidence'; otherUnits: { unitId: string; unitName: string }[] }
  | { kind: 'large_change_since_last_year'; lastYearFinal: number; self: number; share: number }
  | { kind: 'open_request'; deadline: string | null }
  /** The unit supplemented the item on its own (001 II.3.b) since this reviewer last looked at or decided it. */
  | { kind: 'supplemented_since_last_look'; count: number; lastAt: string }
  /**
   * Another system supplied (or the platform pulled) this item's figures, and the unit's own differ
   * (issue 15 §3): each differing figure with the unit's and the system's value; `label` is the index
   * set's own name of the figure.
   */
  | {
      kind: 'differs_from_system';
      source: string;
      suppliedAt: string;
      figures: { name: string; label: string; unit: FigureValue; system: FigureValue }[];
    };

/** A figure as typed or supplied: a number, a yes/no, a choice, or nothing. */
export type FigureValue = number | boolean | string | null;
