import type { App, ServerDeps } from '../../http/route-types.ts';
import { registerOrgUnitExchange } from './exchange.ts';
import { registerGetOrgUnit } from './get.ts';
import { registerLineageRoutes } from './lineage.ts';
import { registerListOrgUnits } from './list.ts';
import { registerSearchOrgUnits } from './search.ts';
import { registerWriteOrgUnits } from './write.ts';

export function registerOrgUnitRoutes(app: App, deps: ServerDeps) {
  registerListOrgUnits(app, deps);
  registerSearchOrgUnits(app, deps);
  registerOrgUnitExchange(app, deps);
  registerGetOrgUnit(app, deps);
  registerWriteOrgUnits(app, deps);
  registerLineageRoutes(app, deps);
}
