// /frameworks: index sets (bộ chỉ số) — versions, lifecycle, exchange, diff/mapping, previews.
import type { App, ServerDeps } from '../../http/route-types.ts';
import { registerFrameworkDiffMapping } from './diff-mapping.ts';
import { registerFrameworkExchange } from './exchange.ts';
import { registerFrameworkReads } from './list-get.ts';
import { registerFrameworkPreview } from './preview.ts';
import { registerFrameworkLifecycle } from './publish-versions.ts';
import { registerFrameworkWrites } from './write.ts';

export function registerFrameworkRoutes(app: App, deps: ServerDeps) {
  registerFrameworkReads(app, deps);
  registerFrameworkWrites(app, deps);
  registerFrameworkLifecycle(app, deps);
  registerFrameworkExchange(app, deps);
  registerFrameworkDiffMapping(app, deps);
  registerFrameworkPreview(app, deps);
}
