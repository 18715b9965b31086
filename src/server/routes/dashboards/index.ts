// Internal dashboards (by role scope) and the what-if of a unit's page.
import type { App, ServerDeps } from '../../http/route-types.ts';
import { registerDerivedRanking } from './derived-ranking.ts';
import { registerDistrictPage } from './district.ts';
import { registerOverview } from './overview.ts';
import { registerUnitPage } from './unit-page.ts';
import { registerWhatIf } from './what-if.ts';

export function registerDashboardRoutes(app: App, deps: ServerDeps) {
  registerOverview(app, deps);
  registerDistrictPage(app, deps);
  registerUnitPage(app, deps);
  registerWhatIf(app, deps);
  registerDerivedRanking(app, deps);
}
