// /campaigns: kỳ đánh giá — settings, groups, life cycle, progress rounds and the progress page.
import type { App, ServerDeps } from '../../http/route-types.ts';
import { registerCampaignGroups } from './groups.ts';
import { registerCampaignReads } from './list-get.ts';
import { registerCampaignProgress } from './progress.ts';
import { registerCampaignTransitions } from './transitions.ts';
import { registerCampaignWrites } from './write.ts';

export function registerCampaignRoutes(app: App, deps: ServerDeps) {
  registerCampaignReads(app, deps);
  registerCampaignWrites(app, deps);
  registerCampaignGroups(app, deps);
  registerCampaignTransitions(app, deps);
  registerCampaignProgress(app, deps);
}
