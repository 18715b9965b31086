// /assessments: a unit's self-assessment in a campaign — reading, saving items and informational
// fields, submitting; the DX office's reopen and external submissions.
import type { App, ServerDeps } from '../../http/route-types.ts';
import { registerAssessmentExchange } from './exchange.ts';
import { registerAssessmentReads } from './get.ts';
import { registerAssessmentWrites } from './write.ts';

export function registerAssessmentRoutes(app: App, deps: ServerDeps) {
  registerAssessmentReads(app, deps);
  registerAssessmentWrites(app, deps);
  registerAssessmentExchange(app, deps);
}
