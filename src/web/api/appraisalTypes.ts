// Types of the appraisal (thẩm định) and publication routes ("Appraisal (thẩm định) and publication" in
// docs/api-contract-v1.md): every answer's type comes from src/contract (one source with the server's schemas).
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
import type { AssessmentReview, HistoryEntry, ReviewEvidence, ReviewItem } from '../../contract/appraisal-review.ts';

// From the contract (one source with the server's response schemas).
export type {
  AssessmentReview,
  GroupBody,
  HistoryEntry,
  Member,
  Queue,
  QueueGroup,
  QueueRow,
  QueueStatus,
  RequestView,
  ReviewEvidence,
  ReviewItem,
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
