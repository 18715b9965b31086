// /assessments: a unit's self-assessment in a campaign — reading, saving items and informational
// fields, submitting; the DX office's reopen and external submissions.
import type { App, ServerDeps } from '../../http/route-types.ts';
import { FormItemsCache } from '../../../app/presenters/form-items-cache.ts';
import { registerAssessmentExchange } from './exchange.ts';
import { registerAssessmentReads } from './get.ts';
import { registerAssessmentWrites } from './write.ts';

export function registerAssessmentRoutes(app: App, deps: ServerDeps) {
  // The forms' items as presented at their current revision, per app (read-form.ts, decision 0018); an
  // item save carries them over to the revision it committed (decision 0029), the other writes below drop
  // the form they changed, so its next load reads state and rows in one statement.
  const formItems = new FormItemsCache(deps.config.formItemsCacheBytes);
  registerAssessmentReads(app, deps, formItems);
  registerAssessmentWrites(app, deps, formItems);
  registerAssessmentExchange(app, deps);
}
