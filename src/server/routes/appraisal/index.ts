// Appraisal (thẩm định) and publication: bodies and members, the queue, per-item review and appraisal,
// requests and replies, units' own supplements, objections, closing, approval, results, signed snapshots and public keys.
import type { App, ServerDeps } from '../../http/route-types.ts';
import { registerBodyRoutes } from './bodies.ts';
import { registerClosingRoutes } from './closing.ts';
import { registerDelegationRoutes } from './delegations.ts';
import { registerAppraisalItemRoutes } from './items.ts';
import { registerObjectionRoutes } from './objections.ts';
import { registerRequestRoutes } from './requests.ts';
import { registerSupplementRoutes } from './supplements.ts';

export function registerAppraisalRoutes(app: App, deps: ServerDeps) {
  registerBodyRoutes(app, deps);
  registerAppraisalItemRoutes(app, deps);
  registerRequestRoutes(app, deps);
  registerSupplementRoutes(app, deps);
  registerObjectionRoutes(app, deps);
  registerClosingRoutes(app, deps);
  registerDelegationRoutes(app, deps);
}
