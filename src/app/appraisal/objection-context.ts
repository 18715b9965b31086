// What the objection rule (core/policy/objection-policy.ts) needs about one unit's assessment: the
// campaign's status and rules, the unit, and the Vietnamese date of what opens the window (the approval or
// first publication of the results). Shared by filing, the unit's view and the lists.
import { unitSeesReview } from '../../core/appraisal/index.ts';
import { type CampaignStatus, vietnamDateOf } from '../../core/campaign/index.ts';
import { type ObjectionContext, type ObjectionWindow, objectionWindow } from '../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import type { AppraisalRow } from '../../db/queries/appraisal-context.ts';
import { objectionOpenedAt } from '../../db/queries/item-objections.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';

export async function objectionContextOf(db: Db, row: AppraisalRow, now: Date): Promise<ObjectionContext> {
  const rules = row.campaign.rules;
  const openedAt = rules.objectionWindowDays
    ? await objectionOpenedAt(db, row.campaign.id, rules.objectionsFrom ?? 'approval')
    : null;
  return {
    unit: { id: row.unit.id, ancestry: ancestryOf(row.unit.path) },
    campaignStatus: row.campaign.status as CampaignStatus,
    rules: { objectionWindowDays: rules.objectionWindowDays, objectionsFrom: rules.objectionsFrom },
    openedOn: openedAt ? vietnamDateOf(openedAt) : null,
    today: vietnamDateOf(now),
  };
}

export function windowOf(ctx: ObjectionContext): ObjectionWindow | null {
  return objectionWindow(ctx.rules, ctx.openedOn);
}

/** Whether the unit reads this decided item's final score now (the campaign's unitResults rule). */
export function unitSeesFinal(row: AppraisalRow, review: { proposedScore: number | null }): boolean {
  const moment = {
    groupClosed: !!row.body?.closedAt,
    published: row.campaign.status === 'published' || row.campaign.status === 'archived',
  };
  return unitSeesReview(row.campaign.rules.unitResults, moment, {
    decided: true,
    proposed: review.proposedScore !== null,
  }).final;
}
