// A unit supplements its own self-assessment during appraisal (001 II.3.b: "Trong quá trình thẩm định, UBND
// các xã, thị trấn có thể bổ sung kết quả … bằng tài liệu kiểm chứng hoặc giải trình để chứng minh hoặc làm
// rõ thêm điểm tự chấm"): its reporters and leader add documents and explanations to any item of a
// submitted assessment, on their own (no request needed), from the close of the self-assessment (the
// support team's pre-review is part of appraisal) until the council closes the group's appraisal, or until
// the campaign's supplement deadline (end of that day in Vietnam) when it sets one. The self score stays
// locked: a supplement never changes it. The one home of this rule: the route refuses by it, the form
// shows "Bổ sung" by it.
import type { AssessmentStatus, CampaignStatus, IsoDate } from '../campaign/types.ts';
import { type Actor, type UnitRef, holdsRoleOver } from './actor.ts';

export interface SupplementContext {
  unit: UnitRef;
  campaignStatus: CampaignStatus;
  assessmentStatus: AssessmentStatus;
  /** The group's appraisal was closed by the council's chair (or the DX office for a parent-unit group). */
  groupClosed: boolean;
  /** The campaign's optional supplement deadline (rules.supplementDeadline), a Vietnamese calendar date. */
  supplementDeadline: IsoDate | null;
  /** Today's date in Vietnam (vietnamDateOf(now)): never compared with a UTC date. */
  today: IsoDate;
}

export type SupplementRefusal =
  | 'not_unit_staff'
  /** Draft or self-assessment still open: the unit edits its form instead. */
  | 'appraisal_not_started'
  /** Approved, published or archived. */
  | 'appraisal_over'
  | 'not_submitted'
  | 'appraisal_closed'
  | 'deadline_passed';

const IN_APPRAISAL: readonly CampaignStatus[] = ['self_assessment_closed', 'under_appraisal'];
const BEFORE_APPRAISAL: readonly CampaignStatus[] = ['draft', 'open'];

/** Why this person may not supplement the unit's items now, or null when they may. */
export function supplementRefusal(actor: Actor, s: SupplementContext): SupplementRefusal | null {
  if (!holdsRoleOver(actor, ['unit_reporter', 'unit_leader'], s.unit)) return 'not_unit_staff';
  if (BEFORE_APPRAISAL.includes(s.campaignStatus)) return 'appraisal_not_started';
  if (!IN_APPRAISAL.includes(s.campaignStatus)) return 'appraisal_over';
  if (s.assessmentStatus !== 'submitted') return 'not_submitted';
  if (s.groupClosed) return 'appraisal_closed';
  if (s.supplementDeadline !== null && s.today > s.supplementDeadline) return 'deadline_passed';
  return null;
}
