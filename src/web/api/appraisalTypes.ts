// Types of the appraisal (thẩm định) and publication routes ("Appraisal (thẩm định) and publication" in
// docs/api-contract-v1.md), following the server presenters (item-review, item-request, load-queue).
import type { ReviewFlag } from '../../core/appraisal/index.ts';
import type { FrameworkDefinition } from '../../core/framework/index.ts';
import type { ItemInputs } from '../../contract/assessments.ts';
import type {
  GroupBody,
  Member,
  Queue,
  QueueGroup,
  QueueRow,
  QueueStatus,
  QueueQuery,
  RequestView,
  ReviewView,
  SnapshotListItem,
  UnitResultRow,
  SnapshotMeta,
  SupplementList,
  SupplementView,
} from '../../contract/appraisal.ts';

// From the contract (one source with the server's response schemas).
export type {
  GroupBody,
  Member,
  Queue,
  QueueGroup,
  QueueRow,
  QueueStatus,
  RequestView,
  ReviewView,
  SupplementList,
  SupplementView,
  UnitResultRow,
};
export type ItemAbilities = QueueRow['abilities'];
/** A published version: the publication's answer, or a row of the version list (with its correction reason). */
export type Snapshot = SnapshotMeta & Partial<Pick<SnapshotListItem, 'reason'>>;

export type QueueMode = NonNullable<QueueQuery['mode']>;

/** The queue's filters as the toolbar keeps them (GET /appraisal/queue query, from the contract). */
export type QueueFilter = Pick<QueueQuery, 'campaignId' | 'groupId' | 'flag' | 'status'> & { mode: QueueMode };

export interface ReviewEvidence {
  id: string;
  fileName: string | null;
  url: string | null;
  sha256: string | null;
  mimeType?: string | null;
  size?: number | null;
  sameFileElsewhere?: { unitId: string; unitName: string }[];
  docNumber?: string | null;
  docDate?: string | null;
  summary?: string | null;
}

export interface HistoryEntry {
  id?: string;
  at: string;
  action: string;
  actorName?: string | null;
  actor?: { id?: string | null; name?: string; fullName?: string } | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
}

/** One item of GET /assessments/{id}/review (review fields either flat or under `review`). */
export interface ReviewItem extends Partial<ReviewView> {
  code: string;
  inputs?: ItemInputs;
  selfScore: number | null;
  explanation?: string | null;
  evidenceIds?: string[];
  evidence?: ReviewEvidence[];
  review?: ReviewView | null;
  flags?: ReviewFlag[];
  requests?: RequestView[];
  /** The unit's own supplements on the item during appraisal (001 II.3.b). */
  supplements?: SupplementView[];
  history?: HistoryEntry[];
  abilities?: ItemAbilities;
}

export interface AssessmentReview {
  id: string;
  myPosition?: string | null;
  unit: { id: string; code: string; name: string };
  campaign?: { id: string; name: string; status: string };
  group?: { id: string; name: string };
  framework?: FrameworkDefinition;
  info?: Record<string, number | null>;
  items: ReviewItem[];
  requests?: RequestView[];
  evidence?: ReviewEvidence[];
}
