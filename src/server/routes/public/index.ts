// The public portal API (/api/public/v1): published campaigns, group rankings, unit pages,
// methodology, open data and the standalone verifier — every route public, every answer from a signed snapshot.
import type { App, ServerDeps } from '../../http/route-types.ts';
import { registerPublicCampaignRoutes } from './campaigns.ts';
import { registerOpenDataRoutes } from './open-data.ts';
import { registerVerifierRoute } from './verifier.ts';

export function registerPublicRoutes(app: App, deps: ServerDeps) {
  registerPublicCampaignRoutes(app, deps);
  registerOpenDataRoutes(app, deps);
  registerVerifierRoute(app, deps);
}
