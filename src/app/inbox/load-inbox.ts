// GET /me/inbox — the caller's task inbox (issue 14 §1): the unit's forms, the appraisal queue, closing a
// group, the campaigns' next steps, objections — whichever the caller's roles give — as codes and parameters, sorted
// by deadline (the nearest first, tasks without one last). The web words them and links each to its page.
import type { InboxTask } from '../../contract/inbox.ts';
import type { Db } from '../../db/client.ts';
import type { AssessmentWho } from '../assessments/assessment-access.ts';
import { appraisalTasks } from './appraisal-tasks.ts';
import { campaignTasks } from './campaign-tasks.ts';
import { staffObjectionTasks } from './objection-tasks.ts';
import { unitTasks } from './unit-tasks.ts';

export function byDeadline(a: InboxTask, b: InboxTask): number {
  if (a.deadline === b.deadline) return 0;
  if (a.deadline === null) return 1;
  if (b.deadline === null) return -1;
  return a.deadline < b.deadline ? -1 : 1;
}

export async function loadInbox(db: Db, who: AssessmentWho, now: Date): Promise<{ items: InboxTask[] }> {
  const items = [
    ...(await unitTasks(db, who, now)),
    ...(await appraisalTasks(db, who.actor, now)),
    ...(await campaignTasks(db, who.actor, now)),
    ...(await staffObjectionTasks(db, who.actor)),
  ];
  // A stable sort: tasks with the same deadline keep their order (a form's tasks together).
  return { items: items.sort(byDeadline) };
}
