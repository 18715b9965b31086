// The form load (GET /assessments/{id}): the assessment, if the actor may read it, with every item of its
// index set. The items come from the process's cache when it holds them at the form's current revision
// (form-items-cache.ts, docs/decisions/0018; kept from the second load at one revision); the state —
// status, timing, progress, abilities, the appraisal the unit may see — is read and built for each request.
import type { Db } from '../../db/client.ts';
import {
  type FormReadMade,
  type ReadableForm,
  findReadableForm,
  formReadMade,
  formReadWithSession,
} from '../../db/queries/assessment-form-read.ts';
import type { FormRows } from '../../db/queries/assessments.ts';
import { assessmentAbilities } from '../../core/policy/index.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { loadDefinition } from '../../db/queries/framework-definitions.ts';
import {
  type FormItemsView,
  buildAssessmentView,
  entriesOf,
  frameworkNotFound,
  presentFormItems,
} from '../presenters/assessment.ts';
import type { ItemView } from '../presenters/assessment-item.ts';
import { type FormItemsCache, formItemsKey } from '../presenters/form-items-cache.ts';
import { keptFormItems } from '../presenters/form-items-patch.ts';
import type { PreSerializedJson } from '../presenters/pre-serialized-json.ts';
import { assessmentNotFound, assessmentRefOf } from './assessment-access.ts';

export interface ReadFormOptions {
  actor: ScopedActor;
  id: string;
  now: Date;
  /** The first read, when the route made it with the session (decision 0026). */
  readWithSession?: FormReadMade;
}

/**
 * The route's first read, made with the session (decision 0026): holding some revision of the form, the
 * state alone (one small row), to compare revisions; otherwise the state and the rows in one statement, as
 * a miss would need them anyway.
 */
export const readFormWithSession = (cache: FormItemsCache, params: { id: string }) =>
  formReadWithSession(params.id, { rows: !cache.has(params.id) });
/** That read, when the request made it. */
export const readFormMade = formReadMade;

/** The form read with the session, if the policy lets the actor read it (the statement did not ask). */
function readableBy(actor: ScopedActor, form: ReadableForm<FormRows | null> | null) {
  return form && assessmentAbilities(actor, assessmentRefOf(form.ctx)).read ? form : null;
}

const hasRows = (form: ReadableForm<FormRows | null>): form is ReadableForm<FormRows> => form.rows !== null;

export async function readAssessmentForm(
  db: Db,
  cache: FormItemsCache,
  { actor, id, now, readWithSession }: ReadFormOptions,
) {
  let form =
    readWithSession?.id === id
      ? readableBy(actor, readWithSession.form)
      : cache.has(id)
        ? await findReadableForm(db, actor, id, { rows: false })
        : await findReadableForm(db, actor, id);
  if (!form) throw assessmentNotFound();
  let def = await loadDefinition(db, form.ctx.group.frameworkId);
  if (!def) throw frameworkNotFound();
  const key = formItemsKey(form);
  let presented: FormItemsView<ItemView[] | PreSerializedJson> | undefined =
    key === null ? undefined : cache.get(id, key, def.definition);
  // The stored progress read now, when up to date, as on a miss (the same figures as the entry's unless
  // the row was changed by hand: it is what the lists show).
  // Not spread: a carried entry computes its figures only when read (form-items-patch.ts).
  if (presented && form.progress)
    presented = { items: presented.items, selfScores: presented.selfScores, progress: form.progress };
  if (!presented) {
    // State and rows from one statement (one snapshot): the revision cached is that of the rows.
    const full = hasRows(form) ? form : await findReadableForm(db, actor, id);
    if (!full) throw assessmentNotFound();
    if (full.ctx.group.frameworkId !== def.id) def = await loadDefinition(db, full.ctx.group.frameworkId);
    if (!def) throw frameworkNotFound();
    const view = presentFormItems(def, full.ctx, full.rows, full.progress);
    const fullKey = formItemsKey(full);
    // Kept from the second load at one revision only (FormItemsCache.admit): a load followed by a save —
    // the deadline day's pattern — pays nothing for an entry it would never hit.
    if (fullKey !== null && cache.admit(id, fullKey)) {
      // With the layout a save of this process needs to carry them over its revision (form-items-patch.ts).
      const kept = keptFormItems(view, entriesOf(full.rows.items));
      cache.set(id, fullKey, def.definition, kept);
      presented = kept;
    } else presented = view;
    form = full;
  }
  const answer = await buildAssessmentView(db, { actor, ctx: form.ctx, now, def, presented });
  // The items go out as the bytes presented (the route's serializer, form-serializer.ts, writes them in
  // place); typed as the contract's items for the route's response type.
  return answer as unknown as WithContractItems<typeof answer>;
}

/** The answer's type with the contract's items in place of their bytes (each variant of the union kept). */
type WithContractItems<T> = T extends unknown ? Omit<T, 'items'> & { items: ItemView[] } : never;
